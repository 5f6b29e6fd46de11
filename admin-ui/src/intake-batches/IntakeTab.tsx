import { Box, Stack } from '@mui/material';
import { Button, Datagrid, NumberField, Pagination, ReferenceManyField, TextField, usePermissions, useRecordContext } from 'react-admin';
import { batchStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { Section } from '../common/Section';
import { canFileIntake, canOpenIntakeBatches } from '../permissions';
import { BatchSeqField, DayField } from '../registers/RegisterFields';
import type { Campaign, Role } from '../types';
import { OpenBatchButton } from './OpenBatchDialog';
import { ScoringPanel } from './ScoringPanel';

const filterLink = (resource: string, campaignId: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}`;
/** The application form with this campaign chosen (react-admin fills a create form from ?source=). */
const createLink = (resource: string, campaignId: string) => `/${resource}/create?source=${encodeURIComponent(JSON.stringify({ campaignId }))}`;

/**
 * 入库审核 on a Lijiang campaign's page: its registers, its batches (open a new one), and the dynamic
 * scoring of admitted entries.
 */
export const IntakeTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  if (!campaign) return null;
  return (
    <Box data-testid="intake-tab">
      <Section title="app.batch.registers">
        <Stack direction="row" spacing={1}>
          <Button label="app.register.title.product" to={filterLink('product-register', String(campaign.id))} />
          <Button label="app.register.title.influencer" to={filterLink('influencer-register', String(campaign.id))} />
          {canFileIntake(permissions) && campaign.status === 'running' && (
            <>
              <Button label="app.register.file.product" variant="outlined" to={createLink('product-register', String(campaign.id))} />
              <Button label="app.register.file.influencer" variant="outlined" to={createLink('influencer-register', String(campaign.id))} />
            </>
          )}
        </Stack>
      </Section>
      <Section title="app.batch.title">
        {canOpenIntakeBatches(permissions) && campaign.status === 'running' && (
          <Box sx={{ mb: 1 }}>
            <OpenBatchButton campaignId={String(campaign.id)} />
          </Box>
        )}
        <ReferenceManyField reference="intake-batches" target="campaignId" sort={{ field: 'openedAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <BatchSeqField source="seq" />
            <DateTimeField source="openedAt" />
            <TextField source="openedByName" sortable={false} />
            <DayField source="reviewDueAt" />
            <NumberField source="size" sortable={false} />
            <NumberField source="reviewed" sortable={false} />
            <NumberField source="admitted" sortable={false} />
            <NumberField source="refused" sortable={false} />
            <EnumChipField source="status" prefix="app.batch.status" colors={batchStatusColors} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="app.scoring.title">
        <ScoringPanel campaignId={String(campaign.id)} />
      </Section>
    </Box>
  );
};
