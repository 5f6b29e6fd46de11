import { Datagrid, FunctionField, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { titleStatusChoices, titleStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { campaignFilter, jurisdictionFilter } from '../common/filters';
import { formatScore } from '../common/scores';
import type { Title } from '../types';
import { csvExporter } from '../common/csv';

const titleFilters = [<SelectInput key="status" source="status" choices={titleStatusChoices} alwaysOn />, campaignFilter(), jurisdictionFilter()];

/** Granted titles (长兴放心电商): in force, revoked or expired. */
export const TitleList = () => (
  <List filters={titleFilters} sort={{ field: 'expiresAt', order: 'ASC' }} exporter={csvExporter}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="operatorName" sortable={false} />
      <TextField source="operatorUscc" sortable={false} />
      <TextField source="campaignName" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <FunctionField<Title> source="totalScore" render={(t) => formatScore(t.totalScore)} />
      <DateTimeField source="grantedAt" showTime={false} />
      <DateTimeField source="expiresAt" showTime={false} />
      <EnumChipField source="status" prefix="app.titles.status" colors={titleStatusColors} />
      <DateTimeField source="endedAt" showTime={false} sortable={false} />
    </Datagrid>
  </List>
);
