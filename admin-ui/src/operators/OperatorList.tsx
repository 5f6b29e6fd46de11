import {
    Datagrid,
    List,
    ReferenceField,
    SearchInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { operatorKindChoices, trackChoices } from '../choices';
import { DateTimeField, EnumField } from '../common/fields';
import { jurisdictionFilter } from '../common/filters';

const operatorFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    jurisdictionFilter({ alwaysOn: true }),
    <SelectInput key="kind" source="kind" choices={operatorKindChoices} />,
    <SelectInput key="track" source="track" choices={trackChoices} />,
];

export const OperatorList = () => (
    <List filters={operatorFilters} sort={{ field: 'name', order: 'ASC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <TextField source="uscc" />
            <EnumField source="kind" prefix="app.operator.kind" />
            <EnumField source="track" prefix="app.operator.track" />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
            <DateTimeField source="registeredOn" showTime={false} />
        </Datagrid>
    </List>
);
