import { Stack, Typography } from '@mui/material';
import { FormDataConsumer, RadioButtonGroupInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { preReviewDecisionChoices } from '../choices';
import type { PreReviewDecision, Task } from '../types';
import { ApplicationChanges, useReviewedVersion } from './ApplicationChanges';
import { ApplicationDetails } from './ApplicationDetails';
import { TaskForm } from './FormParts';

interface PreReviewValues {
  decision?: PreReviewDecision;
  reason?: string;
  missing?: string;
}

/** One item per non-empty line. */
export const lines = (text?: string) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

// The API needs the reason to return or reject an application.
const requiredUnlessPass: Validator = (value, values: PreReviewValues) =>
  values?.decision && values.decision !== 'pass' && !String(value ?? '').trim() ? 'app.pre_review.reason_required' : undefined;

/** 需补充的材料: only when the application is returned. */
const MissingInput = () => (
  <FormDataConsumer<PreReviewValues>>
    {({ formData }) =>
      formData.decision === 'return' ? (
        <TextInput source="missing" label="app.pre_review.missing" helperText="app.pre_review.missing_helper" multiline minRows={3} />
      ) : null
    }
  </FormDataConsumer>
);

/**
 * 属地初审: the county officer reads the application and reports it up to the city (通过上报),
 * returns it for more material (退回补充) or rejects it (不予通过), with the reason unless it passes.
 */
export const PreReviewForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  // After a return: what the live room changed from the previous version, marked (六、（二）).
  const version = useReviewedVersion(task.caseId, task.details?.round);
  return (
    <Stack data-testid="pre-review-form" spacing={2}>
      {version?.changes && <ApplicationChanges version={version} />}
      <Typography variant="subtitle1">{translate('app.application.title')}</Typography>
      <ApplicationDetails application={task.details?.application} changed={version?.changes?.fields.map((f) => f.key)} files={version?.attachments} />
      <TaskForm
        task={task}
        defaults={{ reason: '', missing: '' }}
        onSubmit={(values: PreReviewValues, complete) => {
          const reason = values.reason?.trim();
          const missing = values.decision === 'return' ? lines(values.missing) : [];
          return complete({
            decision: values.decision!,
            ...(reason ? { reason } : {}),
            ...(missing.length ? { missing } : {}),
          });
        }}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.pre_review.decision_label" choices={preReviewDecisionChoices} validate={required()} />
        <TextInput
          source="reason"
          label="app.pre_review.reason"
          helperText="app.pre_review.reason_helper"
          validate={requiredUnlessPass}
          multiline
          minRows={2}
        />
        <MissingInput />
      </TaskForm>
    </Stack>
  );
};
