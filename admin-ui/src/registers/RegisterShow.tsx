import type { MouseEvent } from 'react';
import { useSeesIds } from '../audit-events/fields';
import { Alert, Box, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  FunctionField,
  Link as RaLink,
  RecordContextProvider,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { registerStatusColors } from '../choices';
import { CaseTimeline } from '../cases/CaseTimeline';
import { DateTimeField, EnumChipField, EnumField, useFormatDate } from '../common/fields';
import { formatScore } from '../common/scores';
import { Section } from '../common/Section';
import { API_URL, downloadFile, errorMessage } from '../httpClient';
import { canRecordRegisterMetrics } from '../permissions';
import type { Attachment, RegisterEntry, Role } from '../types';
import { ApplicationFormView } from './ApplicationFormView';
import { formatBytes } from './AttachmentInput';
import { MetricsDialog } from './MetricsDialog';
import { dayOf, PriorityField, ReasonChips } from './RegisterFields';

/** A link to GET /api/attachments/:id; the click fetches it with the bearer token and saves it. */
const AttachmentLink = ({ attachment }: { attachment: Attachment }) => {
  const notify = useNotify();
  const path = `/attachments/${encodeURIComponent(attachment.id)}`;
  return (
    <Link
      href={`${API_URL}${path}`}
      data-testid="attachment-download"
      onClick={async (event: MouseEvent) => {
        event.preventDefault();
        try {
          await downloadFile(path, attachment.filename);
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        }
      }}
    >
      {attachment.filename}
    </Link>
  );
};

/** 附件: each file with its form field, type, size and SHA-256, downloadable. */
const AttachmentsTable = () => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  const seesIds = useSeesIds();
  const attachments = entry?.attachments ?? [];
  if (!attachments.length) {
    return <Typography color="text.secondary">{translate('app.attachment.none')}</Typography>;
  }
  return (
    <Table size="small" data-testid="entry-attachments" sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.attachment.field')}</TableCell>
          <TableCell>{translate('app.attachment.filename')}</TableCell>
          <TableCell>{translate('app.attachment.contentType')}</TableCell>
          <TableCell align="right">{translate('app.attachment.size')}</TableCell>
          {seesIds && <TableCell>SHA-256</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {attachments.map((a) => (
          <TableRow key={a.id} data-testid="attachment-row" data-field={a.field ?? ''}>
            <TableCell>{a.field ? translate(`app.register.field.${a.field}`, { _: a.field }) : ''}</TableCell>
            <TableCell>
              <AttachmentLink attachment={a} />
            </TableCell>
            <TableCell>{a.contentType}</TableCell>
            <TableCell align="right">{formatBytes(a.size)}</TableCell>
            {/* The checksum is the audit trail's (and an admin's) to compare, not a reader's. */}
            {seesIds && <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem', wordBreak: 'break-all' }}>{a.sha256}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 动态评分: each period's score against the register's average, and why a removal was proposed. */
const ScoresTable = () => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const scores = entry?.scores ?? [];
  if (!scores.length) return <Typography color="text.secondary">{translate('app.scores.none')}</Typography>;
  return (
    <Table size="small" data-testid="entry-scores" sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.scores.period')}</TableCell>
          <TableCell>{translate('app.scores.scoredAt')}</TableCell>
          <TableCell align="right">{translate('app.scores.score')}</TableCell>
          <TableCell align="right">{translate('app.scores.average')}</TableCell>
          <TableCell>{translate('app.scores.parts')}</TableCell>
          <TableCell>{translate('app.scores.proposed')}</TableCell>
          <TableCell>{translate('app.scores.reasons')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {scores.map((s) => (
          <TableRow key={s.periodKey}>
            <TableCell>{s.periodKey}</TableCell>
            <TableCell>{formatDate(s.scoredAt)}</TableCell>
            <TableCell align="right">{formatScore(s.score)}</TableCell>
            <TableCell align="right">{formatScore(s.average)}</TableCell>
            <TableCell>
              {s.parts
                ? Object.entries(s.parts)
                    .map(([k, v]) => `${translate(`app.scores.part.${k}`, { _: k })} ${formatScore(v)}`)
                    .join('；')
                : ''}
            </TableCell>
            <TableCell>
              {s.proposed ? <Chip size="small" color="warning" label={translate('app.register.removal_proposed')} /> : translate('app.common.no')}
            </TableCell>
            <TableCell>
              <ReasonChips reasons={s.reasons} color="warning" empty="app.common.none" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 评分数据: what was recorded for dynamic scoring (platform rating, complaints, findings). */
const MetricsTable = () => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const metrics = entry?.metrics ?? [];
  if (!metrics.length) return <Typography color="text.secondary">{translate('app.metrics.none')}</Typography>;
  return (
    <Table size="small" data-testid="entry-metrics" sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.metrics.recordedAt')}</TableCell>
          <TableCell>{translate('app.metrics.recordedBy')}</TableCell>
          <TableCell align="right">{translate('app.metrics.platformRating')}</TableCell>
          <TableCell align="right">{translate('app.metrics.complaintRate')}</TableCell>
          <TableCell align="right">{translate('app.metrics.findings')}</TableCell>
          <TableCell>{translate('app.metrics.violation')}</TableCell>
          <TableCell>{translate('app.metrics.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {metrics.map((m) => (
          <TableRow key={m.id}>
            <TableCell>{formatDate(m.recordedAt)}</TableCell>
            <TableCell>{m.recordedByName ?? m.recordedBy ?? ''}</TableCell>
            <TableCell align="right">{m.platformRating}</TableCell>
            <TableCell align="right">{m.complaintRate}%</TableCell>
            <TableCell align="right">{m.findings}</TableCell>
            <TableCell>{m.violation ? <Chip size="small" color="error" label={translate('app.common.yes')} /> : translate('app.common.no')}</TableCell>
            <TableCell>{m.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The case behind the entry: its history (review, filing, removal) from the audit trail. */
const EntryHistory = () => {
  const entry = useRecordContext<RegisterEntry>();
  if (!entry?.caseId) return null;
  return (
    <RecordContextProvider value={{ id: entry.caseId }}>
      <CaseTimeline />
    </RecordContextProvider>
  );
};

const EntryShowActions = () => {
  const entry = useRecordContext<RegisterEntry>();
  const { permissions } = usePermissions<Role>();
  return (
    <TopToolbar>
      {/* Only filed entries (入库并备案) are scored. */}
      {entry?.status === 'filed' && canRecordRegisterMetrics(permissions) && <MetricsDialog />}
    </TopToolbar>
  );
};

const EntryAlerts = () => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Stack spacing={1} sx={{ px: 2 }}>
      {entry.status === 'refused' && entry.refusedReason && (
        <Alert severity="error">{translate('app.register.refused_because', { reason: entry.refusedReason })}</Alert>
      )}
      {entry.removalProposed && entry.status !== 'removed' && (
        <Alert severity="warning" data-testid="removal-proposed">
          {translate('app.register.removal_proposed_helper')}
        </Alert>
      )}
      {entry.status === 'removed' && <Alert severity="warning">{translate('app.register.removed_because', { reason: entry.removedReason ?? '' })}</Alert>}
    </Stack>
  );
};

/** The entry's figures; dates and decisions only once they exist. */
const EntrySummary = () => {
  const e = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  if (!e) return null;
  return (
    <SimpleShowLayout direction="row" spacing={0} sx={{ '& .RaSimpleShowLayout-stack': { flexWrap: 'wrap', gap: 3 } }}>
      <TextField source="name" />
      <EnumField source="register" prefix="app.register.register" />
      <ReferenceField source="operatorId" reference="operators" link="show" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <EnumChipField source="status" prefix="app.register.status" colors={registerStatusColors} />
      <PriorityField source="priority" />
      <DateTimeField source="createdAt" />
      {e.batchId && (
        <FunctionField<RegisterEntry>
          source="batchSeq"
          render={(r) => (
            <RaLink to={`/intake-batches/${encodeURIComponent(r.batchId!)}/show`} data-testid="entry-batch">
              {translate('app.batch.seq', { seq: r.batchSeq ?? '' })}
            </RaLink>
          )}
        />
      )}
      {e.reviewDueAt != null && <FunctionField<RegisterEntry> source="reviewDueAt" render={(r) => dayOf(r.reviewDueAt)} />}
      {e.admittedAt && <DateTimeField source="admittedAt" />}
      {(e.filingDate || e.filedAt) && <FunctionField<RegisterEntry> source="filedAt" render={(r) => r.filingDate ?? dayOf(r.filedAt)} />}
      {e.filingReference && <TextField source="filingReference" />}
      {e.lastScore != null && <FunctionField<RegisterEntry> source="lastScore" render={(r) => formatScore(r.lastScore)} />}
      {e.lastScoredAt && <DateTimeField source="lastScoredAt" />}
      <ReferenceField source="caseId" reference="cases" link="show" />
    </SimpleShowLayout>
  );
};

/** One application / register entry: the form, its files, priority, batch, decisions and scores. */
export const RegisterShow = () => (
  <Show actions={<EntryShowActions />}>
    <EntryAlerts />
    <EntrySummary />
    <Section title="app.register.priority_reasons">
      <FunctionField<RegisterEntry>
        render={(e) => <ReasonChips reasons={e.priorityReasons} color="secondary" empty="app.register.no_priority" testId="priority-reasons" />}
      />
    </Section>
    <Section title="app.register.flags">
      <FunctionField<RegisterEntry> render={(e) => <ReasonChips reasons={e.flags} color="warning" empty="app.register.no_flags" testId="entry-flags" />} />
    </Section>
    <Section title="app.register.form_title">
      <FunctionField<RegisterEntry> render={(e) => <ApplicationFormView form={e.form} />} />
    </Section>
    <Section title="app.attachment.title">
      <AttachmentsTable />
    </Section>
    <Section title="app.scores.title">
      <ScoresTable />
    </Section>
    <Section title="app.metrics.title">
      <Box sx={{ mb: 1 }}>
        <MetricsTable />
      </Box>
    </Section>
    <Section title="app.register.history">
      <EntryHistory />
    </Section>
  </Show>
);
