import { Stack, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { reviewDecisionChoices } from '../choices';
import type { ReviewDecision, Task } from '../types';
import { TaskForm } from './FormParts';
import { SelfCheckTable } from './SelfCheckTable';
import type { TaskEvidenceExtras } from './EvidenceFiles';

interface ReviewValues {
  decision?: ReviewDecision;
  note?: string;
}

// The API needs the reason when a self-check is returned (it opens another round).
const requiredToReturn: Validator = (value, values: ReviewValues) =>
  values?.decision === 'returned' && !String(value ?? '').trim() ? 'app.review.note_required' : undefined;

/** 自查审核: the station officer reads the submitted self-check and accepts it or returns it. */
export const SelfCheckReviewForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const submitted = task.details?.submitted?.areas ?? [];
  return (
    <Stack data-testid="self-check-review-form" spacing={2}>
      <Typography variant="subtitle1">{translate('app.review.submitted')}</Typography>
      <SelfCheckTable areas={task.details?.areas} results={submitted} testId="submitted-self-check" files={(task as Task & TaskEvidenceExtras).evidenceFiles} />
      <TaskForm
        task={task}
        defaults={{ note: '' }}
        onSubmit={(values: ReviewValues, complete) => {
          const note = values.note?.trim();
          return complete({ decision: values.decision!, ...(note ? { note } : {}) });
        }}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.review.decision_label" choices={reviewDecisionChoices} validate={required()} />
        {/* A returned self-check goes back to the operator with this reason, shown on its portal form. */}
        <TextInput source="note" label="app.review.note" helperText="app.review.note_helper" validate={requiredToReturn} multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
