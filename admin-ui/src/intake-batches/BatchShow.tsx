import {
  Datagrid,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LinearProgress, Stack, Typography } from '@mui/material';
import { batchStatusColors, registerStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField } from '../common/fields';
import { Section } from '../common/Section';
import { BatchSeqField, DayField, PriorityField } from '../registers/RegisterFields';
import type { IntakeBatch } from '../types';
import { BatchTitle } from './BatchName';

/** Reviewed of size, as a bar. */
const ReviewProgress = () => {
  const batch = useRecordContext<IntakeBatch>();
  const translate = useTranslate();
  if (!batch) return null;
  const percent = batch.size ? Math.round((batch.reviewed / batch.size) * 100) : 0;
  return (
    <Stack spacing={0.5} sx={{ px: 2, maxWidth: '32rem' }}>
      <Typography variant="body2" data-testid="batch-progress">
        {translate('app.batch.progress', {
          reviewed: batch.reviewed,
          size: batch.size,
          admitted: batch.admitted,
          refused: batch.refused,
        })}
      </Typography>
      <LinearProgress variant="determinate" value={percent} />
    </Stack>
  );
};

/** The applications of the batch, in the order the office reviews them (highest priority first). */
const BatchEntries = () => (
  <ReferenceManyField reference="register-entries" target="batchId" sort={{ field: 'priority', order: 'DESC' }} perPage={50} pagination={<Pagination />}>
    <Datagrid rowClick={(id) => `/register-entries/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false} data-testid="batch-entries">
      <PriorityField source="priority" />
      <TextField source="name" />
      <EnumField source="register" prefix="app.register.register" sortable={false} />
      <TextField source="operatorName" sortable={false} />
      <EnumChipField source="status" prefix="app.register.status" colors={registerStatusColors} />
      <DateTimeField source="createdAt" />
    </Datagrid>
  </ReferenceManyField>
);

export const BatchShow = () => (
  <Show title={<BatchTitle />}>
    <SimpleShowLayout direction="row" spacing={0} sx={{ '& .RaSimpleShowLayout-stack': { flexWrap: 'wrap', gap: 3 } }}>
      <BatchSeqField source="seq" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <EnumChipField source="status" prefix="app.batch.status" colors={batchStatusColors} />
      <DateTimeField source="openedAt" />
      <TextField source="openedByName" />
      <DayField source="reviewDueAt" />
      <NumberField source="size" />
    </SimpleShowLayout>
    <ReviewProgress />
    <Section title="app.batch.entries">
      <BatchEntries />
    </Section>
  </Show>
);
