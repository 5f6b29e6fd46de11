import {
    AutocompleteInput,
    Datagrid,
    List,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { roleChoices } from '../choices';
import { DateTimeField, EnumField } from '../common/fields';

const userFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
    <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="jurisdictions">
        <AutocompleteInput />
    </ReferenceInput>,
];

export const UserList = () => (
    <List filters={userFilters} sort={{ field: 'username', order: 'ASC' }}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="username" />
            <TextField source="displayName" />
            <EnumField source="role" prefix="app.role" />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);
