// A case, its tasks and its audit entries as cards: what the cases list and the case page show on a phone
// (README "On a phone"), where their tables would scroll sideways.
import { useState, type ReactNode } from 'react';
import { Box, Button, Collapse, Stack, Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { caseStatusColors, taskStatusColors } from '../choices';
import { EnumChipField, JsonBlock, OverdueChip, useFormatDate } from '../common/fields';
import { useStageName } from '../common/programmes';
import { CardLine, RecordCard } from '../layout/CardList';
import type { AuditEvent, Case, Task } from '../types';
import { useAuditActionLabel, useAuditActor } from '../audit-events/fields';
import { ExcludedField, ProposedField, TotalScoreField, useStepLabel } from './CaseFields';

/** A line of small facts (each an element), apart by ' · ', wrapping on a narrow card. */
export const CardMeta = ({ children }: { children: ReactNode }) => (
  <Typography
    variant="body2"
    color="text.secondary"
    component="div"
    sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 0.5, '& > * + *::before': { content: '"· "' }, '& > :empty': { display: 'none' } }}
  >
    {children}
  </Typography>
);

/** A case in the cases list: the operator, campaign and jurisdiction, where it stands, its score. */
export const CaseCard = () => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const stepLabel = useStepLabel();
  if (!record) return null;
  return (
    <RecordCard testId="case-card" openTestId="case-card-open" highlighted={record.status === 'active'}>
      <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, lineHeight: 1.4 }}>
        {record.operatorName}
      </Typography>
      <CardMeta>
        <ReferenceField source="campaignId" reference="campaigns" link={false} />
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
        {record.track && <span>{translate(`app.operator.track.${record.track}`, { _: record.track })}</span>}
      </CardMeta>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
        {record.currentStep && (
          <Typography variant="body2" component="span">
            {stepLabel(record.currentStep)}
          </Typography>
        )}
      </Stack>
      <Box sx={{ mt: 1 }}>
        <CardLine label="resources.cases.fields.totalScore">
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TotalScoreField source="totalScore" />
            <ProposedField source="proposed" />
          </Stack>
        </CardLine>
        {record.excludedKind && (
          <CardLine label="resources.cases.fields.excludedKind">
            <ExcludedField source="excludedKind" />
          </CardLine>
        )}
        <CardLine label="resources.cases.fields.updatedAt">{formatDate(record.updatedAt)}</CardLine>
      </Box>
    </RecordCard>
  );
};

/** A task of a case (or of a title's follow-up): what it is, its stage, when it is due, its status; a tap opens it. */
export const CaseTaskCard = ({ testId = 'case-task-card' }: { testId?: string }) => {
  const task = useRecordContext<Task & { claimedByName?: string | null }>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const stageName = useStageName();
  if (!task) return null;
  const late = task.status === 'open' && task.overdue;
  return (
    <RecordCard testId={testId} openTestId={`${testId}-open`} highlighted={late}>
      <Typography variant="subtitle2" component="div" sx={{ lineHeight: 1.4 }}>
        {task.title}
      </Typography>
      <CardMeta>
        {[...new Set([translate(`app.task.type.${task.type}`, { _: task.type }), stageName(task.stageKey)])].filter(Boolean).map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </CardMeta>
      <Box sx={{ mt: 0.5 }}>
        <CardLine label="resources.tasks.fields.dueAt">
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography component="span" variant="body2" color={late ? 'error' : undefined}>
              {formatDate(task.dueAt)}
            </Typography>
            {late && <OverdueChip />}
          </Box>
        </CardLine>
        <CardLine label="resources.tasks.fields.completedAt">{formatDate(task.completedAt)}</CardLine>
        <CardLine label="resources.tasks.fields.claimedByName">{task.status === 'open' ? task.claimedByName : null}</CardLine>
      </Box>
      <Box sx={{ mt: 1 }}>
        <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
      </Box>
    </RecordCard>
  );
};

const hasData = (data: unknown) => data != null && typeof data === 'object' && Object.keys(data).length > 0;

/**
 * An audit entry in words: what was done (as on the case's timeline) and when, by whom in which role, why
 * and on which clause; its recorded data folded under 展开 (a wide screen expands the row instead).
 */
export const AuditEntryCard = ({ testId = 'case-audit-entry' }: { testId?: string }) => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const actionLabel = useAuditActionLabel();
  const auditActor = useAuditActor();
  const [open, setOpen] = useState(false);
  if (!event) return null;
  const roleKey = `app.role.${event.actorRole}`;
  const role = event.actorRole ? translate(roleKey, { _: '' }) : '';
  const actor = auditActor(event);
  return (
    <RecordCard
      testId={testId}
      actions={
        hasData(event.data) ? (
          <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {translate(open ? 'ra.action.close' : 'ra.action.expand')}
          </Button>
        ) : undefined
      }
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
          {actionLabel(event.action)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {formatDate(event.at)}
        </Typography>
      </Stack>
      <CardMeta>
        <span>
          {actor}
          {role && `（${role}）`}
        </span>
      </CardMeta>
      {event.reason && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate('app.timeline.reason')}：{event.reason}
        </Typography>
      )}
      {event.clause && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('app.timeline.clause')}：{event.clause}
        </Typography>
      )}
      {hasData(event.data) && (
        <Collapse in={open} unmountOnExit>
          <Box sx={{ mt: 1 }}>
            <JsonBlock value={event.data} />
          </Box>
        </Collapse>
      )}
    </RecordCard>
  );
};
