import { Datagrid, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { objectionStatusChoices, objectionStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { csvExporter } from '../common/csv';

const objectionFilters = [campaignFilter(), <SelectInput key="status" source="status" choices={objectionStatusChoices} alwaysOn />];

/** Objections (异议) to the 公示 lists: who objected to which case, and how it was resolved. */
export const ObjectionList = () => (
  <List filters={objectionFilters} sort={{ field: 'lodgedAt', order: 'DESC' }} exporter={csvExporter}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateTimeField source="lodgedAt" />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <ReferenceField source="caseId" reference="cases" link={false} sortable={false} />
      <TextField source="source" sortable={false} />
      <TextField source="content" sortable={false} />
      <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
      <DateTimeField source="resolvedAt" />
    </Datagrid>
  </List>
);
