import { useMemo } from 'react';
import { Box, Stack } from '@mui/material';
import {
    DateInput,
    Form,
    RadioButtonGroupInput,
    required,
    SaveButton,
    TextInput,
    useTranslate,
} from 'react-admin';
import { measureChoices } from '../choices';
import { InfoTable } from '../common/InfoTable';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Measure, Task } from '../types';
import { useCompleteTask } from './useCompleteTask';

interface InterviewValues {
    measure?: Measure;
    note?: string;
    rectifyBy?: string;
}

/** 行政约谈 after a complaint or negative public opinion on a titled operator: measure, note, deadline. */
export const InterviewForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const complete = useCompleteTask(task);
    const details = task.details ?? {};
    const initialValues = useMemo(() => ({ id: task.id, note: '' }), [task.id]);
    return (
        <Stack data-testid="interview-form" spacing={2}>
            <InfoTable
                testId="complaint"
                rows={[
                    details.kind && ['app.complaint.kind_label', translate(`app.complaint.kind.${details.kind}`)],
                    ['app.complaint.description', details.description],
                ]}
            />
            <Form
                record={initialValues}
                onSubmit={(values: InterviewValues) =>
                    complete({
                        measure: values.measure!,
                        note: (values.note ?? '').trim(),
                        rectifyBy: values.rectifyBy ?? '',
                    })
                }
            >
                <Stack spacing={1} sx={{ maxWidth: '48rem' }}>
                    <RadioButtonGroupInput
                        source="measure"
                        label="app.inspection.measure"
                        choices={measureChoices}
                        validate={required()}
                    />
                    <TextInput
                        source="note"
                        label="app.interview.note"
                        validate={required()}
                        multiline
                        minRows={2}
                    />
                    <DateInput
                        source="rectifyBy"
                        label="app.inspection.rectify_by"
                        validate={required()}
                        sx={{ maxWidth: '16rem' }}
                    />
                    <ProblemAlert problem={complete.problem} onClose={complete.clearProblem} />
                    <Box>
                        <SaveButton label="app.task.submit" data-testid="complete-task" />
                    </Box>
                </Stack>
            </Form>
        </Stack>
    );
};
