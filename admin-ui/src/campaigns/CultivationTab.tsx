import { useState } from 'react';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Button,
  Confirm,
  Link,
  ReferenceField,
  RecordContextProvider,
  useDataProvider,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormatDate } from '../common/fields';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatScore } from '../common/scores';
import { Section } from '../common/Section';
import { useConfirmedAction } from '../common/useConfirmation';
import type { AppDataProvider } from '../dataProvider';
import { canDecideListings } from '../permissions';
import type { Campaign, Case, Role, Roster } from '../types';
import { definitionOf } from './kind';

/**
 * The server's rule (择优, activities/application.ts chooseList): the audited cases without a veto
 * at or above the threshold, best first; with a quota, the first `quota` and every case tied with
 * the last of them. Rank is competition rank (1, 2, 2, 4). Equal totals keep case order (by id).
 */
export const chooseList = <T extends { id: string | number; totalScore: number }>(
  candidates: T[],
  threshold?: number,
  quota?: number,
): (T & { rank: number })[] => {
  const sorted = candidates
    .filter((c) => threshold === undefined || c.totalScore >= threshold)
    .sort((a, b) => b.totalScore - a.totalScore || String(a.id).localeCompare(String(b.id)));
  const ranked = sorted.map((c) => ({ ...c, rank: sorted.findIndex((x) => x.totalScore === c.totalScore) + 1 }));
  if (quota === undefined || ranked.length <= quota) return ranked;
  const cut = ranked[quota - 1]!.totalScore;
  return ranked.filter((c, i) => i < quota || c.totalScore === cut);
};

const numberOrUndefined = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
};

/** The published cultivation list: when, how many, and links to it and to the listed rooms. */
const PublishedList = ({ roster, campaign }: { roster: Roster; campaign: Campaign }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const entries = roster.entries ?? [];
  return (
    <Stack spacing={1} data-testid="cultivation-published">
      <Alert severity="success">
        {translate('app.cultivation.published', {
          date: formatDate(roster.publishedAt),
          smart_count: entries.length,
        })}
      </Alert>
      <Stack direction="row" spacing={2}>
        <Link to={`/rosters/${encodeURIComponent(roster.id)}/show`} data-testid="cultivation-roster-link">
          {translate('app.cultivation.view_roster')}
        </Link>
        <Link to={`/listings?${new URLSearchParams({ filter: JSON.stringify({ campaignId: campaign.id }) })}`}>
          {translate('app.cultivation.view_listings')}
        </Link>
      </Stack>
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.cultivation.rank')}</TableCell>
            <OperatorHeadCells />
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.caseId}>
              <TableCell>{entry.rank ?? ''}</TableCell>
              <TableCell>{entry.operatorName}</TableCell>
              <TableCell>{entry.jurisdictionName}</TableCell>
              <TableCell align="right">{formatScore(entry.totalScore)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

/** The heading cells of a list of operators: 主体, 辖区, 总分. */
const OperatorHeadCells = () => {
  const translate = useTranslate();
  return (
    <>
      <TableCell>{translate('app.roster.operator')}</TableCell>
      <TableCell>{translate('app.roster.jurisdiction')}</TableCell>
      <TableCell align="right">{translate('app.roster.total')}</TableCell>
    </>
  );
};

/** A case's cells under OperatorHeadCells: the operator (a link to the case), its 辖区, its total. */
const CaseCells = ({ record }: { record: Case }) => (
  <>
    <TableCell>
      <Link to={`/cases/${encodeURIComponent(record.id)}/show`}>{record.operatorName}</Link>
    </TableCell>
    <TableCell>
      <RecordContextProvider value={record}>
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      </RecordContextProvider>
    </TableCell>
    <TableCell align="right">{formatScore(record.totalScore)}</TableCell>
  </>
);

/** 入库分数线 or 名额: blank is "not applied"; the helper shows the programme's setting. */
const LimitField = ({
  label,
  value,
  onChange,
  error,
  setting,
  inputProps,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: boolean;
  setting?: number;
  inputProps: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  return (
    <MuiTextField
      type="number"
      size="small"
      label={translate(label)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      helperText={translate('app.cultivation.default', { value: setting ?? '—' })}
      inputProps={inputProps}
    />
  );
};

/**
 * 培育名单确认: the audited applications ranked by total, the threshold and quota, a preview of who
 * the list would hold (the server's rule), and the coordinator's confirmation; once confirmed, the
 * published roster.
 */
export const CultivationTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const settings = definitionOf(campaign, 'application')?.settings;
  const [threshold, setThreshold] = useState<string>(settings?.listThreshold?.toString() ?? '');
  const [quota, setQuota] = useState<string>(settings?.listQuota?.toString() ?? '');
  const { data: cases = [], isPending: casesPending } = useGetList<Case>(
    'cases',
    {
      filter: { campaignId: campaign?.id },
      sort: { field: 'totalScore', order: 'DESC' },
      pagination: { page: 1, perPage: 1000 },
    },
    { enabled: !!campaign },
  );
  const { data: rosters = [] } = useGetList<Roster>(
    'rosters',
    {
      filter: { campaignId: campaign?.id },
      sort: { field: 'publishedAt', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!campaign },
  );
  const confirmation = useConfirmedAction(
    (limits: { threshold?: number; quota?: number }) =>
      dataProvider.confirmCultivationList(campaign!.id, {
        ...(limits.threshold !== undefined ? { threshold: limits.threshold } : {}),
        ...(limits.quota !== undefined ? { quota: limits.quota } : {}),
      }),
    'app.cultivation.confirmed',
  );
  if (!campaign) return null;
  const published = rosters.find((r) => r.kind === 'cultivation');

  // Blank is "not applied"; both blank is what the API does with an empty body: the settings.
  const t = numberOrUndefined(threshold);
  const q = numberOrUndefined(quota);
  const bothBlank = t === undefined && q === undefined;
  const effectiveThreshold = bothBlank ? settings?.listThreshold : t;
  const effectiveQuota = bothBlank ? settings?.listQuota : q;
  const quotaInvalid = q !== undefined && (!Number.isInteger(q) || q < 1);
  const thresholdInvalid = t !== undefined && (t < 0 || t > 100);

  const audited = cases.filter((c) => c.totalScore != null && !c.excludedKind) as (Case & { totalScore: number })[];
  const excluded = cases.filter((c) => c.excludedKind === 'vetoed' || c.excludedKind === 'rejected');
  const undecided = cases.filter((c) => c.totalScore == null && !c.excludedKind);
  const chosen = new Map(chooseList(audited, effectiveThreshold, effectiveQuota).map((c) => [c.id, c.rank]));
  const ranked = chooseList(audited).map((c) => ({ ...c, listed: chosen.has(c.id) }));

  const applicationStage = campaign.stages?.find((s) => s.key === 'application');
  const stageClosed = applicationStage?.status === 'closed';
  const canConfirm = canDecideListings(permissions) && campaign.status === 'running' && !published && stageClosed && !quotaInvalid && !thresholdInvalid;

  return (
    <Box data-testid="cultivation-tab">
      {published && (
        <Section title="app.cultivation.published_title">
          <PublishedList roster={published} campaign={campaign} />
        </Section>
      )}
      {!published && (
        <Section title="app.cultivation.rule_title">
          <Stack spacing={2} sx={{ maxWidth: '64rem' }}>
            <Alert severity="info" data-testid="cultivation-rule">
              {translate('app.cultivation.rule')}
            </Alert>
            <Stack direction="row" spacing={2}>
              <LimitField
                label="app.cultivation.threshold"
                value={threshold}
                onChange={setThreshold}
                error={thresholdInvalid}
                setting={settings?.listThreshold}
                inputProps={{ 'data-testid': 'list-threshold', min: 0, max: 100 }}
              />
              <LimitField
                label="app.cultivation.quota"
                value={quota}
                onChange={setQuota}
                error={quotaInvalid}
                setting={settings?.listQuota}
                inputProps={{ 'data-testid': 'list-quota', min: 1, step: 1 }}
              />
            </Stack>
            <Typography data-testid="cultivation-preview-count">
              {translate('app.cultivation.preview_count', {
                smart_count: chosen.size,
                audited: audited.length,
              })}
            </Typography>
            {undecided.length > 0 && <Alert severity="warning">{translate('app.cultivation.undecided', { smart_count: undecided.length })}</Alert>}
            {!stageClosed && <Alert severity="info">{translate('app.cultivation.stage_not_closed')}</Alert>}
            {canDecideListings(permissions) && (
              <Box>
                <Button
                  label="app.cultivation.confirm"
                  variant="contained"
                  data-testid="confirm-cultivation-list"
                  disabled={!canConfirm || confirmation.loading}
                  onClick={() => confirmation.ask({ threshold: t, quota: q })}
                >
                  <PlaylistAddCheckIcon />
                </Button>
              </Box>
            )}
            <ProblemAlert problem={confirmation.problem} onClose={confirmation.clearProblem} />
            <Confirm
              {...confirmation.confirmProps}
              title="app.cultivation.confirm"
              content={translate('app.cultivation.confirm_content', {
                smart_count: chosen.size,
                threshold: effectiveThreshold ?? '—',
                quota: effectiveQuota ?? '—',
              })}
            />
          </Stack>
        </Section>
      )}
      <Section title="app.cultivation.ranking">
        {casesPending ? null : ranked.length === 0 ? (
          <Typography color="text.secondary">{translate('app.cultivation.none_audited')}</Typography>
        ) : (
          <Table size="small" sx={{ width: 'auto' }} data-testid="list-preview">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.cultivation.rank')}</TableCell>
                <OperatorHeadCells />
                <TableCell>{translate(published ? 'app.cultivation.outcome' : 'app.cultivation.preview')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ranked.map((c) => {
                const listed = published ? !!published.entries?.some((e) => e.caseId === c.id) : c.listed;
                return (
                  <TableRow key={c.id} data-testid={`preview-${c.operatorId}`} sx={listed ? undefined : { '& td': { color: 'text.secondary' } }}>
                    <TableCell>{c.rank}</TableCell>
                    <CaseCells record={c} />
                    <TableCell>
                      {listed ? (
                        <Chip size="small" color="success" label={translate('app.cultivation.in')} />
                      ) : (
                        <Chip size="small" variant="outlined" label={translate('app.cultivation.out')} />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>
      {excluded.length > 0 && (
        <Section title="app.cultivation.excluded">
          <Table size="small" sx={{ width: 'auto' }} data-testid="cultivation-excluded">
            <TableHead>
              <TableRow>
                <OperatorHeadCells />
                <TableCell>{translate('resources.cases.fields.excludedKind')}</TableCell>
                <TableCell>{translate('resources.cases.fields.excludedReason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {excluded.map((c) => (
                <TableRow key={c.id}>
                  <CaseCells record={c} />
                  <TableCell>
                    <Chip size="small" color="error" label={translate(`app.case.excluded.${c.excludedKind}`, { _: c.excludedKind ?? '' })} />
                  </TableCell>
                  <TableCell>{c.excludedReason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}
    </Box>
  );
};
