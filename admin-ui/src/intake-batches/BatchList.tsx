import { Datagrid, FilterButton, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import { batchStatusChoices, batchStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { canOpenIntakeBatches } from '../permissions';
import { BatchSeqField, DayField } from '../registers/RegisterFields';
import type { Role } from '../types';
import { OpenBatchButton } from './OpenBatchDialog';

// Only filters the API accepts: campaignId, status.
const batchFilters = [
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" filter={{ programme: 'lijiang' }} alwaysOn>
    <SelectInput />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={batchStatusChoices} alwaysOn />,
];

const BatchListActions = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <TopToolbar>
      <FilterButton />
      {canOpenIntakeBatches(permissions) && <OpenBatchButton />}
    </TopToolbar>
  );
};

/** 审核批次 (分批次审核入库): each batch of queued applications with its review deadline and progress. */
export const BatchList = () => (
  <List filters={batchFilters} sort={{ field: 'openedAt', order: 'DESC' }} perPage={25} actions={<BatchListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="intake-batches">
      <BatchSeqField source="seq" />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <DateTimeField source="openedAt" />
      <TextField source="openedByName" sortable={false} />
      <DayField source="reviewDueAt" />
      <NumberField source="size" sortable={false} />
      <NumberField source="reviewed" sortable={false} />
      <NumberField source="admitted" sortable={false} />
      <NumberField source="refused" sortable={false} />
      <EnumChipField source="status" prefix="app.batch.status" colors={batchStatusColors} />
    </Datagrid>
  </List>
);
