import { Chip, Stack } from '@mui/material';
import { EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useFieldValue, usePermissions, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, JsonBlock, type CustomFieldProps } from '../common/fields';
import { canKeepRegister } from '../permissions';
import { PortalAccountPanel } from '../portal/PortalAccountPanel';
import type { Role } from '../types';
import { ListFlagsField } from './OperatorFields';
import { CreditHistory } from './CreditLists';

type Translate = (key: string, options?: object) => string;

const accountLabel = (account: unknown, translate: Translate): string => {
  if (typeof account === 'string') return account;
  if (account && typeof account === 'object') {
    const { platform, account: handle, name, id, followers } = account as Record<string, unknown>;
    const platformName = typeof platform === 'string' ? translate(`app.operator.platform.${platform}`, { _: platform }) : platform;
    const label = [platformName, handle ?? name ?? id].filter((v) => v != null && v !== '').join(': ');
    const count = followers != null ? translate('app.application.followers_count', { count: followers }) : '';
    if (label) return `${label}${count}`;
  }
  return JSON.stringify(account);
};

// The API does not fix the shape of platformAccounts: a list becomes chips, anything else JSON.
const PlatformAccountsField = ({ source }: CustomFieldProps) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (value == null) return null;
  if (!Array.isArray(value)) return <JsonBlock value={value} />;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((account, i) => (
        <Chip key={i} size="small" label={accountLabel(account, translate)} />
      ))}
    </Stack>
  );
};

const OperatorShowActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canKeepRegister(permissions) && <EditButton />}</TopToolbar>;
};

export const OperatorShow = () => (
  <Show actions={<OperatorShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="uscc" />
      <EnumField source="kind" prefix="app.operator.kind" />
      <EnumField source="track" prefix="app.operator.track" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <DateTimeField source="registeredOn" showTime={false} />
      <PlatformAccountsField source="platformAccounts" />
      <ListFlagsField source="abnormalListed" label="app.operator.lists" />
    </SimpleShowLayout>
    {/* 信用记录: its periods on the two credit lists (README "Credit lists"). */}
    <CreditHistory />
    {/* 门户账号: invitations to the operators' portal, and disabling its account (portal/). */}
    <PortalAccountPanel />
  </Show>
);
