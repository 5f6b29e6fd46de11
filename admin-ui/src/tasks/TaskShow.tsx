import { CreditProposalForm } from './CreditProposalForm';
import { ListingEvaluationForm, ListingRemovalReviewForm } from './ListingForms';
import { Alert, Box, Chip, Typography } from '@mui/material';
import {
  FunctionField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetIdentity,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { taskStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField, OverdueField, StageField, type CustomFieldProps } from '../common/fields';
import { NARROW_BREAKPOINT, narrowShowLayoutSx } from '../layout/responsive';
import { canWorkTask } from '../permissions';
import { formatDateTime } from '../common/dates';
import type { Role, Task } from '../types';
import { CityAuditForm } from './CityAuditForm';
import type { TaskRow } from './bulkApi';
import { ClaimButton, DelegateButton, ReleaseButton, useHandlerName } from './ClaimButton';
import { CorrectionButton } from './CorrectionDialog';
import { DefinedForm, RubricForm } from './DefinedForms';
import { EscalationForm } from './EscalationForm';
import { FilingForm, IntakeReviewForm, RemovalReviewForm } from './IntakeForms';
import { InspectionForm } from './InspectionForm';
import { InterviewForm } from './InterviewForm';
import { PreReviewForm } from './PreReviewForm';
import { TaskFilesAndComments, TaskPreviousSteps } from './PreviousSteps';
import { ResubmissionForm } from './ResubmissionForm';
import { ScoreForm } from './ScoreForm';
import { SelfCheckForm } from './SelfCheckForm';
import { SelfCheckReviewForm } from './SelfCheckReviewForm';
import { TaskResult } from './TaskResult';
import { VerificationForm } from './VerificationForm';

const useClaimedByMe = (task?: Task) => {
  const { identity } = useGetIdentity();
  return !!task?.claimedById && !!identity && String(identity.id) === task.claimedById;
};

/** 办理人: whoever holds the task, or completed it (submitting an unclaimed task claims it), by name. */
const ClaimedByField = (_props: CustomFieldProps) => {
  const task = useRecordContext<TaskRow>();
  const translate = useTranslate();
  const mine = useClaimedByMe(task);
  const name = useHandlerName(task);
  if (mine && task?.status === 'open') return <Chip size="small" color="primary" label={translate('app.task.claimed_by_me')} data-testid="task-handler" />;
  return (
    <Typography variant="body2" data-testid="task-handler">
      {name}
    </Typography>
  );
};

const TaskDetails = () => (
  <SimpleShowLayout sx={narrowShowLayoutSx}>
    <TextField source="title" />
    <EnumField source="type" prefix="app.task.type" />
    <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
    <ReferenceField source="campaignId" reference="campaigns" link="show" />
    <StageField source="stageKey" />
    <ReferenceField source="caseId" reference="cases" link="show" emptyText="app.common.none" />
    <FunctionField<Task> label="app.task.operator" render={(task) => [task.details?.operatorName, task.details?.operatorUscc].filter(Boolean).join(' / ')} />
    <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
    <EnumField source="assigneeRole" prefix="app.role" />
    <ClaimedByField source="claimedById" />
    <DateTimeField source="dueAt" />
    <OverdueField source="overdue" />
    <DateTimeField source="completedAt" />
    <FunctionField<TaskRow> source="completedByName" render={(t) => <span data-testid="task-completed-by">{t.completedByName ?? ''}</span>} />
  </SimpleShowLayout>
);

const TaskForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  switch (task.type) {
    case 'self_check':
      return <SelfCheckForm task={task} />;
    case 'self_check_review':
      return <SelfCheckReviewForm task={task} />;
    case 'inspection':
      return <InspectionForm task={task} />;
    case 'verification':
      return <VerificationForm task={task} />;
    case 'score':
      return <ScoreForm task={task} />;
    case 'interview':
      return <InterviewForm task={task} />;
    case 'escalation':
      return <EscalationForm task={task} />;
    case 'pre_review':
      return <PreReviewForm task={task} />;
    case 'resubmission':
      return <ResubmissionForm task={task} />;
    case 'city_audit':
      return <CityAuditForm task={task} />;
    case 'intake_review':
      return <IntakeReviewForm task={task} />;
    case 'filing':
      return <FilingForm task={task} />;
    case 'removal_review':
      return <RemovalReviewForm task={task} />;
    case 'rubric':
      return <RubricForm task={task} />;
    case 'listing_evaluation':
      return <ListingEvaluationForm task={task} />;
    case 'listing_removal_review':
      return <ListingRemovalReviewForm task={task} />;
    case 'credit_proposal':
      return <CreditProposalForm task={task} />;
    default:
      // A defined programme's task (form:<taskType>) carries its own form.
      if (task.type.startsWith('form:')) return <DefinedForm task={task} />;
      return <Alert severity="info">{translate('app.task.unsupported')}</Alert>;
  }
};

/** The completion form while the task is open, the submitted result once it is done. */
const TaskWork = () => {
  const task = useRecordContext<Task>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const mine = useClaimedByMe(task);
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  if (!task) return null;
  const done = task.status === 'done';
  if (!done && !canWorkTask(permissions, task)) return null;
  // The API refuses a completion while someone else holds the claim (409).
  const claimedByOther = !!task.claimedById && !mine;
  return (
    // On a phone a table of the work (a submitted self-check, a result) fits the screen: its cells break
    // long words and keep narrow margins rather than push the page sideways.
    <Box
      sx={(theme) => ({
        px: 2,
        pb: 2,
        minWidth: 0,
        [theme.breakpoints.down(NARROW_BREAKPOINT)]: { '& .MuiTableCell-root': { overflowWrap: 'anywhere', px: 1 } },
      })}
    >
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate(done ? 'app.task.result' : 'app.task.work')}
      </Typography>
      {!done && task.assigneeRole === 'operator' && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="task-on-behalf">
          {translate('app.acting_for.notice')}
        </Alert>
      )}
      {/* The refusal is the submitter's to read (it was told to them as a notification too). */}
      {!done && task.submission?.status === 'refused' && !!identity && String(identity.id) === task.submission.submittedById && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="task-submission-refused">
          {translate('app.task.submission_refused', {
            at: formatDateTime(task.submission.submittedAt),
            reason: locale === 'zh' ? task.submission.refusalZh : task.submission.refusalEn,
          })}
        </Alert>
      )}
      {done ? (
        <TaskResult task={task} />
      ) : task.submission?.status === 'pending' ? (
        // Recorded and on its way to the case's workflow (README "Completing a task"): not to be filled in again.
        <Alert severity="info" data-testid="task-submission-pending">
          {translate('app.task.submission_pending', { at: formatDateTime(task.submission.submittedAt) })}
        </Alert>
      ) : claimedByOther ? (
        <Alert severity="info">{translate('app.task.claimed_by_other')}</Alert>
      ) : (
        <TaskForm task={task} />
      )}
    </Box>
  );
};

const TaskShowActions = () => (
  // Only the actions that apply (认领, 释放, 转交, 更正): no empty bar on a phone when none does.
  <TopToolbar sx={{ '&:empty': { display: 'none' } }}>
    <ClaimButton />
    <ReleaseButton />
    <DelegateButton />
    {/* 更正: a completed decision, for coordinators and leaders (README "Corrections"). */}
    <CorrectionButton />
  </TopToolbar>
);

export const TaskShow = () => (
  // The card does not clip (MUI's Card hides its overflow), so that 提交 can stick to the bottom of a
  // phone's screen (layout/StickyActions).
  <Show actions={<TaskShowActions />} sx={{ '& .RaShow-card': { overflow: 'visible' } }}>
    <TaskDetails />
    <TaskPreviousSteps />
    <TaskWork />
    <TaskFilesAndComments />
  </Show>
);
