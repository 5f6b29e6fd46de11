import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { required, TextInput, useTranslate } from 'react-admin';
import type { Task } from '../types';
import { ApplicationDetails } from './ApplicationDetails';
import { TaskForm } from './FormParts';

/** What the pre-review asked for when it returned the application (reason, missing material). */
export const ReturnedBecause = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const missing = task.details?.missing ?? [];
  return (
    <Alert severity="warning" data-testid="resubmission-asked">
      <AlertTitle>{translate('app.resubmission.asked')}</AlertTitle>
      {task.details?.reason && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate('app.resubmission.reason', { reason: task.details.reason })}
        </Typography>
      )}
      {missing.length > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('app.resubmission.missing')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {missing.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </Box>
        </>
      )}
    </Alert>
  );
};

/** 补充材料: records what the applicant supplied; the application then goes back to pre-review. */
export const ResubmissionForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  return (
    <Stack data-testid="resubmission-form" spacing={2}>
      <ReturnedBecause task={task} />
      <Typography variant="subtitle1">{translate('app.application.title')}</Typography>
      <ApplicationDetails application={task.details?.application} />
      <TaskForm
        task={task}
        defaults={{ supplied: '' }}
        onSubmit={(values: { supplied?: string }, complete) => complete({ supplied: (values.supplied ?? '').trim() })}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <TextInput
          source="supplied"
          label="app.resubmission.supplied"
          helperText="app.resubmission.supplied_helper"
          validate={required()}
          multiline
          minRows={3}
        />
      </TaskForm>
    </Stack>
  );
};
