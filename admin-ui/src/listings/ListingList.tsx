import { Datagrid, FunctionField, List, NumberField, ReferenceField, SelectInput, TextField } from 'react-admin';
import { listingStatusChoices, listingStatusColors, nominationChoices, nominationColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { campaignFilter, jurisdictionFilter } from '../common/filters';
import { formatScore } from '../common/scores';
import type { Listing } from '../types';
import { csvExporter } from '../common/csv';

// Only filters the API accepts: campaignId, status, nomination, jurisdictionId.
const listingFilters = [
  campaignFilter(),
  <SelectInput key="status" source="status" choices={listingStatusChoices} alwaysOn />,
  <SelectInput key="nomination" source="nomination" choices={nominationChoices} alwaysOn />,
  jurisdictionFilter(),
];

/** 培育库: the rooms on the cities' cultivation lists, their nomination to the province and removal. */
export const ListingList = () => (
  <List filters={listingFilters} sort={{ field: 'rank', order: 'ASC' }} perPage={25} exporter={csvExporter}>
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="listings">
      <NumberField source="rank" />
      <TextField source="operatorName" sortable={false} />
      <TextField source="operatorUscc" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <FunctionField<Listing> source="totalScore" render={(l) => formatScore(l.totalScore)} />
      <EnumChipField source="status" prefix="app.listing.status" colors={listingStatusColors} />
      <EnumChipField source="nomination" prefix="app.listing.nomination" colors={nominationColors} />
      <NumberField source="findings" sortable={false} />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <DateTimeField source="listedAt" />
    </Datagrid>
  </List>
);
