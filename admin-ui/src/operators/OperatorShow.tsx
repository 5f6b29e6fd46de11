import { Chip, Stack } from '@mui/material';
import {
    ReferenceField,
    Show,
    SimpleShowLayout,
    TextField,
    useFieldValue,
} from 'react-admin';
import { DateTimeField, EnumField, JsonBlock, type CustomFieldProps } from '../common/fields';

const accountLabel = (account: unknown): string => {
    if (typeof account === 'string') return account;
    if (account && typeof account === 'object') {
        const { platform, account: handle, name, id } = account as Record<string, unknown>;
        const label = [platform, handle ?? name ?? id].filter(v => v != null && v !== '').join(': ');
        if (label) return label;
    }
    return JSON.stringify(account);
};

// The API does not fix the shape of platformAccounts: a list becomes chips, anything else JSON.
const PlatformAccountsField = ({ source }: CustomFieldProps) => {
    const value = useFieldValue({ source });
    if (value == null) return null;
    if (!Array.isArray(value)) return <JsonBlock value={value} />;
    return (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {value.map((account, i) => (
                <Chip key={i} size="small" label={accountLabel(account)} />
            ))}
        </Stack>
    );
};

export const OperatorShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="name" />
            <TextField source="uscc" />
            <EnumField source="kind" prefix="app.operator.kind" />
            <EnumField source="track" prefix="app.operator.track" />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
            <DateTimeField source="registeredOn" showTime={false} />
            <PlatformAccountsField source="platformAccounts" />
        </SimpleShowLayout>
    </Show>
);
