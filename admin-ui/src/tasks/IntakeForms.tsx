import { Alert, Stack, Typography } from '@mui/material';
import { DateInput, FormDataConsumer, Link, RadioButtonGroupInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { intakeReviewDecisionChoices, removalDecisionChoices } from '../choices';
import { shanghaiDay } from '../common/dates';
import { InfoTable } from '../common/InfoTable';
import { formatScore } from '../common/scores';
import { ApplicationFormView } from '../registers/ApplicationFormView';
import { ReasonChips } from '../registers/RegisterFields';
import type { CodedReason, RegisterEntry, Task } from '../types';
import { TaskForm } from './FormParts';

// Lijiang registers (丽江附件1 第15–18条, 附件2 第9条): the office reviews each application of a batch
// (入库审核), the centre files the admitted ones (备案), the office confirms a proposed removal (清退).

interface IntakeDetails {
  entryId?: string;
  register?: string;
  name?: string;
  operatorName?: string;
  priority?: number;
  priorityReasons?: CodedReason[];
  flags?: CodedReason[];
  batchSeq?: number;
  form?: RegisterEntry['form'];
  periodKey?: string;
  score?: number;
  average?: number;
  reasons?: CodedReason[];
}

const detailsOf = (task: Task) => (task.details ?? {}) as IntakeDetails;

const EntryLink = ({ details }: { details: IntakeDetails }) => {
  const translate = useTranslate();
  return details.entryId ? (
    <Link to={`/register-entries/${encodeURIComponent(details.entryId)}/show`} data-testid="task-entry-link">
      {translate('app.register.view_entry')}
    </Link>
  ) : null;
};

/** What the office reviews: the application as filed, with its priority and flags. */
const ApplicationSummary = ({ details }: { details: IntakeDetails }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="intake-details">
      <InfoTable
        rows={[
          ['app.register.field.register', details.register ? translate(`app.register.register.${details.register}`, { _: details.register }) : ''],
          ['app.register.field.name', details.name],
          ['app.task.operator', details.operatorName],
          ['app.batch.batch', details.batchSeq != null ? translate('app.batch.seq', { seq: details.batchSeq }) : ''],
          ['resources.register-entries.fields.priority', details.priority != null ? String(details.priority) : ''],
          ['app.register.priority_reasons', details.priorityReasons?.length ? <ReasonChips reasons={details.priorityReasons} color="secondary" /> : ''],
          ['app.register.flags', details.flags?.length ? <ReasonChips reasons={details.flags} color="warning" /> : ''],
        ]}
      />
      <Typography variant="subtitle2">{translate('app.register.form_title')}</Typography>
      <ApplicationFormView form={details.form} />
      <EntryLink details={details} />
    </Stack>
  );
};

interface ReviewValues {
  decision?: 'admitted' | 'refused';
  reason?: string;
  note?: string;
}

const reasonWhenRefused: Validator = (value, values: ReviewValues) =>
  values?.decision === 'refused' && !String(value ?? '').trim() ? 'app.intake_review.reason_required' : undefined;

/** 入库审核: admitted (符合条件的予以入库) or refused with the reason. */
export const IntakeReviewForm = ({ task }: { task: Task }) => {
  const details = detailsOf(task);
  return (
    <Stack spacing={2} data-testid="intake-review-form">
      <ApplicationSummary details={details} />
      <TaskForm
        task={task}
        defaults={{ reason: '', note: '' }}
        onSubmit={(values: ReviewValues, complete) => {
          const reason = values.reason?.trim();
          const note = values.note?.trim();
          return complete({
            decision: values.decision!,
            ...(reason ? { reason } : {}),
            ...(note ? { note } : {}),
          });
        }}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.intake_review.decision_label" choices={intakeReviewDecisionChoices} validate={required()} />
        <FormDataConsumer<ReviewValues>>
          {({ formData }) => (
            <TextInput
              source="reason"
              label="app.intake_review.reason"
              helperText="app.intake_review.reason_helper"
              validate={reasonWhenRefused}
              multiline
              minRows={2}
              disabled={formData.decision === 'admitted'}
            />
          )}
        </FormDataConsumer>
        <TextInput source="note" label="app.intake_review.note" multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};

interface FilingValues {
  filedOn?: string;
  reference?: string;
  note?: string;
}

/** 备案: the centre records the filing of an admitted entry (date and reference). */
export const FilingForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const details = detailsOf(task);
  return (
    <Stack spacing={2} data-testid="filing-form">
      <Alert severity="info">{translate('app.filing.helper', { name: details.name ?? '' })}</Alert>
      {details.form ? <ApplicationSummary details={details} /> : <EntryLink details={details} />}
      <TaskForm
        task={task}
        defaults={{ filedOn: shanghaiDay(new Date()), reference: '', note: '' }}
        onSubmit={(values: FilingValues, complete) => {
          const note = values.note?.trim();
          return complete({
            filedOn: String(values.filedOn ?? '').slice(0, 10),
            reference: (values.reference ?? '').trim(),
            ...(note ? { note } : {}),
          });
        }}
        spacing={1}
        sx={{ maxWidth: '32rem' }}
      >
        <DateInput source="filedOn" label="app.filing.filedOn" validate={required()} />
        <TextInput source="reference" label="app.filing.reference" helperText="app.filing.reference_helper" validate={required()} />
        <TextInput source="note" label="app.filing.note" multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};

interface RemovalValues {
  decision?: 'remove' | 'keep';
  reason?: string;
}

/** 清退确认: the office removes the entry (清退) or keeps it, with the reason either way. */
export const RemovalReviewForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const details = detailsOf(task);
  return (
    <Stack spacing={2} data-testid="removal-review-form">
      <InfoTable
        rows={[
          ['app.register.field.name', details.name],
          ['app.scores.period', details.periodKey],
          ['app.scores.score', details.score != null ? formatScore(details.score) : ''],
          ['app.scores.average', details.average != null ? formatScore(details.average) : ''],
          ['app.scores.reasons', details.reasons?.length ? <ReasonChips reasons={details.reasons} color="warning" /> : ''],
        ]}
      />
      <EntryLink details={details} />
      <Alert severity="warning">{translate('app.removal_review.helper')}</Alert>
      <TaskForm
        task={task}
        defaults={{ reason: '' }}
        onSubmit={(values: RemovalValues, complete) => complete({ decision: values.decision!, reason: (values.reason ?? '').trim() })}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.removal_review.decision_label" choices={removalDecisionChoices} validate={required()} />
        <TextInput source="reason" label="app.removal_review.reason" validate={required()} multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
