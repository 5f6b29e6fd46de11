import {
    Datagrid,
    List,
    ReferenceField,
    SearchInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { roleChoices } from '../choices';
import { DateTimeField, EnumField } from '../common/fields';
import { jurisdictionFilter } from '../common/filters';

const userFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
    jurisdictionFilter(),
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
