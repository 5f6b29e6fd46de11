import { useState, type ReactNode } from 'react';
import CampaignIcon from '@mui/icons-material/Campaign';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import {
  Button,
  Confirm,
  Datagrid,
  Link,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  required,
  SelectInput,
  TextField as RaTextField,
  TextInput,
  useDataProvider,
  useGetOne,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { objectionStatusColors } from '../choices';
import { formatDuration } from '../common/duration';
import { DateTimeField, EnumChipField, useFormatDate } from '../common/fields';
import { FormCard } from '../common/FormCard';
import { formatScore } from '../common/scores';
import { Section } from '../common/Section';
import { useActionMutation } from '../common/useActionMutation';
import { useConfirmation } from '../common/useConfirmation';
import { useRecordingForm } from '../common/useRecordingForm';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import { canRunCampaigns } from '../permissions';
import type { AwardStatus, Campaign, Role, Roster } from '../types';
import { ResolveObjectionButton } from './ObjectionActions';
import { PublicityDaysInput, usePublicityDays } from './PublicityDaysInput';
import { RepublishPublicityButton } from './RepublishPublicityButton';
import { useAwardStatus } from './useAwardStatus';

export const rosterPath = (id: string) => `/rosters/${encodeURIComponent(id)}/show`;

const Figure = ({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: '9rem' }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6">{value}</Typography>
    </Box>
  );
};

/** "异议不成立 1 / 待处理 2" from counts by status (0 when none). */
const counts = (translate: (key: string, options?: object) => string, prefix: string, values: Record<string, number | undefined>) =>
  Object.entries(values)
    .filter(([, n]) => n)
    .map(([status, n]) => `${translate(`${prefix}.${status}`)} ${n}`)
    .join(' / ') || '0';

const AwardFigures = ({ award, campaign }: { award: AwardStatus; campaign: Campaign }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap' }} data-testid="award-figures">
      <Figure label="app.award.threshold" value={formatScore(award.threshold)} />
      <Figure label="app.award.title_validity" value={formatDuration(award.titleValidity, translate)} />
      <Figure label="app.award.publicity_days" value={award.publicityDays} />
      <Figure label="app.award.scored" value={`${award.scored} / ${campaign.caseCount}`} testId="award-scored" />
      <Figure label="app.award.proposed" value={award.proposed} testId="award-proposed" />
      <Figure label="app.award.objections" value={counts(translate, 'app.objection.status', award.objections)} />
      <Figure label="app.award.titles" value={counts(translate, 'app.titles.status', award.titles)} />
    </Stack>
  );
};

const windowOpen = (roster?: Roster | null) => !!roster?.windowEndsAt && Date.parse(roster.windowEndsAt) > Date.now();

/** 公示: the list of proposed cases, published for `days` days of public scrutiny. */
const PublicityPanel = ({ award, campaign, canRun }: { award: AwardStatus; campaign: Campaign; canRun: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const daysInput = usePublicityDays(award.publicityDays);
  const { days, valid: daysValid } = daysInput;
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useActionMutation((d: number) => dataProvider.publishPublicity(campaign.id, d), 'app.award.publicity_published');
  const publicity = award.publicity;
  return (
    <Stack spacing={1} data-testid="publicity-panel">
      {publicity ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip
            size="small"
            color={windowOpen(publicity) ? 'warning' : 'default'}
            label={translate(windowOpen(publicity) ? 'app.award.window_open' : 'app.award.window_over')}
          />
          <Typography variant="body2">
            {translate('app.award.publicity_status', {
              seq: publicity.seq,
              published: formatDate(publicity.publishedAt),
              ends: formatDate(publicity.windowEndsAt),
            })}
          </Typography>
          <Link to={rosterPath(publicity.id)}>{translate('app.award.view_roster')}</Link>
          {/* A list once published is not edited: a change is a new 公示 that supersedes it, until the award is final. */}
          {canRun && !award.award && <RepublishPublicityButton award={award} campaign={campaign} />}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.award.no_publicity')}
        </Typography>
      )}
      {/* The first 公示; objections then take cases off it. */}
      {canRun && !publicity && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <PublicityDaysInput state={daysInput} testId="publicity-days" />
          <Button
            label="app.award.publish"
            variant="contained"
            data-testid="publish-publicity"
            disabled={!daysValid || isPending}
            onClick={() => setConfirming(true)}
          >
            <CampaignIcon />
          </Button>
          <Confirm
            isOpen={confirming}
            loading={isPending}
            title="app.award.publish_title"
            content={translate('app.award.publish_confirm', {
              smart_count: award.proposed,
              days,
            })}
            onConfirm={() => mutate(Number(days), { onSettled: () => setConfirming(false) })}
            onClose={() => setConfirming(false)}
          />
        </Stack>
      )}
    </Stack>
  );
};

/** 记录异议: a case of the current 公示 list, where the objection came from, and what it says. */
const LodgeObjectionForm = ({ campaign, publicity }: { campaign: Campaign; publicity: Roster }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: roster } = useGetOne<Roster>('rosters', { id: publicity.id });
  const { record, submit, problem } = useRecordingForm({
    idPrefix: 'objection',
    defaults: { source: '', content: '' },
    action: (values: { caseId?: string; source?: string; content?: string }) =>
      dataProvider.lodgeObjection(campaign.id, {
        caseId: values.caseId ?? '',
        source: (values.source ?? '').trim(),
        content: (values.content ?? '').trim(),
      }),
    success: 'app.objection.lodged',
  });
  const choices = (roster?.entries ?? []).map((entry) => ({
    id: entry.caseId,
    name: `${entry.operatorName}（${entry.uscc}，${formatScore(entry.totalScore)}）`,
  }));
  return (
    <FormCard
      testId="lodge-objection"
      label="app.objection.lodge"
      titleSx={{ mb: 1 }}
      record={record}
      onSubmit={submit}
      problem={problem}
      submitTestId="lodge-objection-submit"
    >
      <SelectInput source="caseId" label="resources.objections.fields.caseId" choices={choices} translateChoice={false} validate={required()} />
      <TextInput source="source" label="resources.objections.fields.source" helperText="app.objection.source_helper" validate={required()} />
      <TextInput source="content" label="resources.objections.fields.content" validate={required()} multiline minRows={2} />
    </FormCard>
  );
};

const CampaignObjections = () => (
  <ReferenceManyField
    reference="objections"
    target="campaignId"
    sort={{ field: 'lodgedAt', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination />}
    empty={<EmptyObjections />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="campaign-objections">
      <DateTimeField source="lodgedAt" />
      <ReferenceField source="caseId" reference="cases" link="show" sortable={false} />
      <RaTextField source="source" sortable={false} />
      <RaTextField source="content" sortable={false} />
      <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
      <RaTextField source="resolution" sortable={false} />
      <ResolveObjectionButton label="app.stage.actions" />
    </Datagrid>
  </ReferenceManyField>
);

const EmptyObjections = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('app.objection.none')}</Typography>;
};

/** 最终授予: once the window is over and every objection is resolved, the titles are granted. */
const AwardPanel = ({ award, campaign, canRun }: { award: AwardStatus; campaign: Campaign; canRun: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const confirmation = useConfirmation(async () => {
    try {
      const { titles } = await dataProvider.finalizeAward(campaign.id);
      notify('app.award.finalized', { type: 'success', messageArgs: { smart_count: titles } });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  });
  const open = award.objections.open ?? 0;
  const blockers = [
    !award.publicity && translate('app.award.needs_publicity'),
    windowOpen(award.publicity) && translate('app.award.needs_window_over'),
    open > 0 && translate('app.award.needs_objections_resolved', { smart_count: open }),
  ].filter(Boolean);
  return (
    <Stack spacing={1} data-testid="award-panel">
      {award.award ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip size="small" color="success" label={translate('app.award.final')} />
          <Typography variant="body2">{translate('app.award.award_status', { published: formatDate(award.award.publishedAt) })}</Typography>
          <Link to={rosterPath(award.award.id)}>{translate('app.award.view_roster')}</Link>
          <Link to={`/titles?${new URLSearchParams({ filter: JSON.stringify({ campaignId: campaign.id }) })}`}>{translate('app.award.view_titles')}</Link>
        </Stack>
      ) : (
        canRun && (
          <>
            {blockers.length > 0 && <Alert severity="info">{blockers.join(' ')}</Alert>}
            <Box>
              <Button
                label="app.award.finalize"
                variant="contained"
                color="success"
                data-testid="finalize-award"
                disabled={!award.publicity || confirmation.loading}
                onClick={() => confirmation.ask()}
              >
                <EmojiEventsIcon />
              </Button>
            </Box>
            <Confirm {...confirmation.confirmProps} title="app.award.finalize" content="app.award.finalize_confirm" />
          </>
        )
      )}
    </Stack>
  );
};

/** 评价公示: figures, the 公示 list, objections to it and the final award. */
export const AwardTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  const { data: award, isPending } = useAwardStatus(campaign?.id);
  if (!campaign) return null;
  if (isPending || !award) return <LinearProgress />;
  const canRun = canRunCampaigns(permissions) && campaign.status === 'running';
  return (
    <Box data-testid="award-tab">
      <Section title="app.award.figures">
        <AwardFigures award={award} campaign={campaign} />
      </Section>
      <Section title="app.award.publicity">
        <PublicityPanel award={award} campaign={campaign} canRun={canRun} />
      </Section>
      <Section title="app.award.objections">
        <Stack spacing={2}>
          <CampaignObjections />
          {canRun && award.publicity && windowOpen(award.publicity) && !award.award && <LodgeObjectionForm campaign={campaign} publicity={award.publicity} />}
        </Stack>
      </Section>
      <Section title="app.award.award">
        <AwardPanel award={award} campaign={campaign} canRun={canRun} />
      </Section>
    </Box>
  );
};
