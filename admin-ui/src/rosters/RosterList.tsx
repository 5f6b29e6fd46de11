import { Datagrid, List, ReferenceField, SelectInput } from 'react-admin';
import { rosterKindChoices } from '../choices';
import { campaignFilter } from '../common/filters';
import { rosterColumns } from './RosterFields';
import { csvExporter } from '../common/csv';

// The API filters rosters by campaign and kind only.
const rosterFilters = [campaignFilter(), <SelectInput key="kind" source="kind" choices={rosterKindChoices} alwaysOn />];

/** Published lists (公示, award, 红榜, 黑榜): dated and immutable, the newest of a kind is current. */
export const RosterList = () => (
  <List filters={rosterFilters} sort={{ field: 'publishedAt', order: 'DESC' }} exporter={csvExporter}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      {rosterColumns}
    </Datagrid>
  </List>
);
