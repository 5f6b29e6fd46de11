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
import { caseStatusChoices, caseStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField } from '../common/fields';

const caseFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn>
        <SelectInput />
    </ReferenceInput>,
    <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="jurisdictions">
        <AutocompleteInput />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={caseStatusChoices} />,
];

export const CaseList = () => (
    <List filters={caseFilters} sort={{ field: 'updatedAt', order: 'DESC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="operatorName" sortable={false} />
            <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
            <EnumField source="track" prefix="app.operator.track" sortable={false} />
            <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
            <TextField source="currentStep" />
            <DateTimeField source="updatedAt" />
        </Datagrid>
    </List>
);
