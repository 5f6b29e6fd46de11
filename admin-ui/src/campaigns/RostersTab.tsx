import { useState } from 'react';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  Button,
  Confirm,
  Datagrid,
  Pagination,
  ReferenceManyField,
  useDataProvider,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Section } from '../common/Section';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { canRunCampaigns } from '../permissions';
import type { Campaign, Role } from '../types';
import { rosterColumns } from '../rosters/RosterFields';
import { useAwardStatus } from './useAwardStatus';

/** 发布红榜 / 发布黑榜: a dated, immutable publication as of now (a newer one supersedes it). */
const PublishRosterButton = ({ campaign, kind, disabled }: { campaign: Campaign; kind: 'red' | 'black'; disabled: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useActionMutation(() => dataProvider.publishRoster(campaign.id, kind), `app.roster.published_${kind}`);
  return (
    <>
      <Button
        label={`app.roster.publish_${kind}`}
        variant="outlined"
        color={kind === 'red' ? 'error' : 'inherit'}
        data-testid={`publish-${kind}`}
        disabled={isPending || disabled}
        onClick={() => setOpen(true)}
      >
        <ListAltIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`app.roster.publish_${kind}`}
        content={translate(`app.roster.publish_${kind}_confirm`)}
        onConfirm={() => mutate(undefined, { onSettled: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const NoRosters = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('app.roster.none')}</Typography>;
};

/** 红黑榜 and every other list published in this campaign, newest first, each linking to its page. */
export const RostersTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The programme's rule (GET /campaigns/:id/award): the buttons wait for it, and say why they are off.
  const { data: award } = useAwardStatus(campaign?.id);
  if (!campaign) return null;
  const publishing = award?.rosterPublishing;
  const refused = !award || (publishing !== undefined && !publishing.allowed);
  return (
    <Box data-testid="rosters-tab">
      {canRunCampaigns(permissions) && (
        <Section title="app.roster.publish">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.roster.publish_helper')}
          </Typography>
          {publishing && !publishing.allowed && (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="roster-publish-refused">
              {locale === 'en' ? publishing.messageEn : publishing.messageZh}
            </Alert>
          )}
          <Stack direction="row" spacing={2}>
            <PublishRosterButton campaign={campaign} kind="red" disabled={refused} />
            <PublishRosterButton campaign={campaign} kind="black" disabled={refused} />
          </Stack>
        </Section>
      )}
      <Section title="app.roster.published">
        <ReferenceManyField
          reference="rosters"
          target="campaignId"
          sort={{ field: 'publishedAt', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination />}
          empty={<NoRosters />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} data-testid="campaign-rosters">
            {rosterColumns}
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Box>
  );
};
