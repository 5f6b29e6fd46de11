import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useAuditActionLabel, useAuditActor } from '../audit-events/fields';
import { Alert, Box, Card, CardContent, Chip, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { OverdueChip, useFormatDate } from '../common/fields';
import { errorMessage } from '../httpClient';
import { useNarrow } from '../layout/responsive';
import type { Case } from '../types';
import { CardMeta } from './CaseCards';
import { useStepLabel } from './CaseFields';
import { fetchCaseTimeline, type CaseHolder, type CaseTimeline as Timeline, type TimelineEntry } from './timeline';

/** "task.completed" → 完成任务 (the raw action when it has no label yet). */
const useActionLabel = () => {
  const translate = useTranslate();
  const auditAction = useAuditActionLabel();
  return (entry: Pick<TimelineEntry, 'action' | 'taskType'>) => {
    const label = auditAction(entry.action);
    const type = entry.taskType ? translate(`app.task.type.${entry.taskType}`, { _: entry.taskType }) : '';
    return type ? `${label} · ${type}` : label;
  };
};

const workflowStatusColor = (status: string | null) => (status === 'RUNNING' ? 'primary' : status === 'COMPLETED' ? 'success' : status ? 'warning' : 'default');

const HolderRow = ({ holder }: { holder: CaseHolder }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  return (
    <TableRow data-testid="case-holder">
      <TableCell>
        <Link to={`/tasks/${encodeURIComponent(holder.taskId)}/show`}>{holder.title}</Link>
      </TableCell>
      <TableCell>{translate(`app.task.type.${holder.type}`, { _: holder.type })}</TableCell>
      <TableCell>
        {holder.jurisdictionName}
        <Typography component="span" variant="caption" color="text.secondary">
          {' '}
          {translate(`app.role.${holder.assigneeRole}`, { _: holder.assigneeRole })}
        </Typography>
      </TableCell>
      <TableCell>
        {holder.claimedByName ?? holder.claimedById ?? (
          <Typography component="span" variant="body2" color="text.secondary">
            {translate('app.task.unclaimed')}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <span>{formatDate(holder.dueAt)}</span>
          {holder.overdue && <OverdueChip />}
        </Stack>
      </TableCell>
    </TableRow>
  );
};

/** A holder on a phone: the same facts as a table row, as lines (five columns would scroll sideways). */
const HolderLines = ({ holder }: { holder: CaseHolder }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  return (
    <Box data-testid="case-holder" sx={{ py: 1, borderTop: 1, borderColor: 'divider', overflowWrap: 'anywhere' }}>
      <Link to={`/tasks/${encodeURIComponent(holder.taskId)}/show`}>{holder.title}</Link>
      <CardMeta>
        <span>{translate(`app.task.type.${holder.type}`, { _: holder.type })}</span>
        <span>
          {holder.jurisdictionName}（{translate(`app.role.${holder.assigneeRole}`, { _: holder.assigneeRole })}）
        </span>
        <span>
          {(holder.claimedByName ?? holder.claimedById)
            ? `${translate('app.timeline.holder.claimed_by')}：${holder.claimedByName ?? holder.claimedById}`
            : translate('app.task.unclaimed')}
        </span>
      </CardMeta>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color={holder.overdue ? 'error' : undefined}>
          {translate('app.timeline.holder.due')} {formatDate(holder.dueAt)}
        </Typography>
        {holder.overdue && <OverdueChip />}
      </Stack>
    </Box>
  );
};

/** 当前环节: the case's step, the open tasks holding it (who, where, until when) and its workflow. */
const CurrentStep = ({ timeline }: { timeline: Timeline }) => {
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  const narrow = useNarrow();
  return (
    <Card variant="outlined" data-testid="case-holders" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1">{translate('app.timeline.current_step')}</Typography>
          <Typography variant="body1" sx={{ fontWeight: 'bold' }} data-testid="case-current-step">
            {timeline.currentStep ? stepLabel(timeline.currentStep) : translate('app.common.none')}
          </Typography>
          {timeline.workflowStatus && (
            <Chip
              size="small"
              variant="outlined"
              color={workflowStatusColor(timeline.workflowStatus)}
              label={translate(`app.timeline.workflow_status.${timeline.workflowStatus}`, {
                _: timeline.workflowStatus,
              })}
            />
          )}
          <Box sx={{ flex: 1 }} />
          {timeline.workflowUrl && (
            <MuiLink
              href={timeline.workflowUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="case-workflow-link"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            >
              {translate('app.timeline.open_in_temporal')}
              <OpenInNewIcon fontSize="small" />
            </MuiLink>
          )}
        </Stack>
        {timeline.holders.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.timeline.no_holders')}
          </Typography>
        ) : narrow ? (
          timeline.holders.map((holder) => <HolderLines key={holder.taskId} holder={holder} />)
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.timeline.holder.task')}</TableCell>
                <TableCell>{translate('app.timeline.holder.type')}</TableCell>
                <TableCell>{translate('app.timeline.holder.held_by')}</TableCell>
                <TableCell>{translate('app.timeline.holder.claimed_by')}</TableCell>
                <TableCell>{translate('app.timeline.holder.due')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {timeline.holders.map((holder) => (
                <HolderRow key={holder.taskId} holder={holder} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

/** The operator a member of staff acted for, if the entry says so. */
const onBehalfOf = (data: unknown): string | undefined => {
  const o = (data as { onBehalfOf?: { operatorName?: unknown } } | null)?.onBehalfOf;
  return typeof o?.operatorName === 'string' ? o.operatorName : undefined;
};

/** One event: a dot on the line, when, what, who, and why (reason, the notice clause). */
const Entry = ({ entry, last }: { entry: TimelineEntry; last: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const actionLabel = useActionLabel();
  const auditActor = useAuditActor();
  const actor = auditActor(entry);
  // Roles without a label (the workflows' own "system") are not repeated after the name.
  const roleKey = `app.role.${entry.actorRole}`;
  const roleLabel = entry.actorRole ? translate(roleKey, { _: roleKey }) : '';
  const role = roleLabel === roleKey ? '' : roleLabel;
  return (
    <Box component="li" data-testid="timeline-entry" data-action={entry.action} sx={{ display: 'flex', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: 'primary.main', flexShrink: 0 }} />
        {!last && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
      </Box>
      <Box sx={{ pb: 2, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
            {actionLabel(entry)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatDate(entry.at)}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {actor}
          {role && `（${role}）`}
          {/* Staff acting for an operator (activities/audit.ts keeps data.onBehalfOf). */}
          {onBehalfOf(entry.data) && ` · ${translate('app.acting_for.chip')}：${onBehalfOf(entry.data)}`}
        </Typography>
        {entry.reason && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {translate('app.timeline.reason')}：{entry.reason}
          </Typography>
        )}
        {entry.clause && (
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('app.timeline.clause')}：{entry.clause}
          </Typography>
        )}
      </Box>
    </Box>
  );
};

/** The case's timeline (oldest first) under its current step and holders. */
export const CaseTimeline = () => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    // Under the `cases` key, so react-admin's refresh reloads it with the case.
    queryKey: ['cases', 'timeline', record?.id],
    queryFn: ({ signal }) => fetchCaseTimeline(record!.id, signal),
    enabled: record?.id != null,
  });
  if (!record) return null;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (isPending || !data) return <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>;
  return (
    <>
      <CurrentStep timeline={data} />
      {data.entries.length === 0 ? (
        <Typography color="text.secondary" data-testid="case-timeline">
          {translate('app.timeline.empty')}
        </Typography>
      ) : (
        <Box component="ol" data-testid="case-timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {data.entries.map((entry, i) => (
            <Entry key={entry.id} entry={entry} last={i === data.entries.length - 1} />
          ))}
        </Box>
      )}
    </>
  );
};
