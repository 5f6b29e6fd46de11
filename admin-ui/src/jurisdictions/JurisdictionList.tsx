import {
    Datagrid,
    List,
    ReferenceField,
    SearchInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { jurisdictionLevelChoices } from '../choices';
import { EnumField } from '../common/fields';

const jurisdictionFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="level" source="level" choices={jurisdictionLevelChoices} alwaysOn />,
];

export const JurisdictionList = () => (
    <List filters={jurisdictionFilters} sort={{ field: 'path', order: 'ASC' }} perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="id" />
            <TextField source="name" />
            <EnumField source="level" prefix="app.jurisdiction.level" />
            <ReferenceField source="parentId" reference="jurisdictions" link={false} sortable={false} />
            <TextField source="path" />
        </Datagrid>
    </List>
);
