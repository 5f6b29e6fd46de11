import { Alert, Stack } from '@mui/material';
import { maxValue, minValue, NumberInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import { hasAtMostTwoDecimals } from '../common/scores';
import type { Task } from '../types';
import { TaskForm } from './FormParts';

const twoDecimals: Validator = (value) => (value != null && value !== '' && !hasAtMostTwoDecimals(Number(value)) ? 'app.score.two_decimals' : undefined);

/**
 * One evaluation group's score on its own dimension (details.dimension), 0..100. There is no
 * total here: the API computes it from the five parts and the campaign's weights.
 */
export const ScoreForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const details = task.details ?? {};
  return (
    <Stack data-testid="score-form" spacing={2}>
      <InfoTable
        testId="score-dimension"
        rows={[['app.score.dimension', details.dimensionName ?? details.dimension], details.weight != null && ['app.score.weight', `${details.weight}%`]]}
      />
      <Alert severity="info">{translate('app.score.no_total')}</Alert>
      <TaskForm
        task={task}
        defaults={{ comment: '' }}
        onSubmit={(values: { score?: number | string; comment?: string }, complete) => {
          const comment = values.comment?.trim();
          return complete({ score: Number(values.score), ...(comment ? { comment } : {}) });
        }}
        spacing={1}
        sx={{ maxWidth: '32rem' }}
      >
        <NumberInput
          source="score"
          label="app.score.score"
          helperText="app.score.score_helper"
          validate={[required(), minValue(0), maxValue(100), twoDecimals]}
          step={0.01}
          min={0}
          max={100}
        />
        <TextInput source="comment" label="app.score.comment" multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
