import { Stack } from '@mui/material';
import { required, TextInput, useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import type { Measure, Task } from '../types';
import { MeasureInput, RectifyByInput, TaskForm } from './FormParts';
import { EvidenceInput, evidenceOf } from '../common/FilesPanel';

interface InterviewValues {
  measure?: Measure;
  note?: string;
  rectifyBy?: string;
  evidence?: string[];
}

/** 行政约谈 after a complaint or negative public opinion on a titled operator: measure, note, deadline. */
export const InterviewForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const details = task.details ?? {};
  return (
    <Stack data-testid="interview-form" spacing={2}>
      <InfoTable
        testId="complaint"
        rows={[
          details.kind && ['app.complaint.kind_label', translate(`app.complaint.kind.${details.kind}`)],
          ['app.complaint.description', details.description],
        ]}
      />
      <TaskForm
        task={task}
        defaults={{ note: '' }}
        onSubmit={(values: InterviewValues, complete) =>
          complete({
            measure: values.measure!,
            note: (values.note ?? '').trim(),
            rectifyBy: values.rectifyBy ?? '',
            ...evidenceOf(values),
          })
        }
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <MeasureInput />
        <TextInput source="note" label="app.interview.note" validate={required()} multiline minRows={2} />
        <RectifyByInput />
        <EvidenceInput />
      </TaskForm>
    </Stack>
  );
};
