import { useMemo } from 'react';
import { Box, Stack } from '@mui/material';
import { Form, required, SaveButton, TextInput } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Task } from '../types';
import { useCompleteTask } from './useCompleteTask';

/** Acknowledges overdue work: a note on why it is late and what was done. */
export const EscalationForm = ({ task }: { task: Task }) => {
    const complete = useCompleteTask(task);
    // See SelfCheckForm: stable initial values so a refetch does not wipe the note.
    const initialValues = useMemo(() => ({ id: task.id, note: '' }), [task.id]);
    return (
        <Form
            record={initialValues}
            onSubmit={(values: { note?: string }) => complete({ note: (values.note ?? '').trim() })}
        >
            <Stack data-testid="escalation-form" spacing={2}>
                <TextInput
                    source="note"
                    label="app.escalation.note"
                    helperText="app.escalation.note_helper"
                    validate={required()}
                    multiline
                    minRows={3}
                />
                <ProblemAlert problem={complete.problem} onClose={complete.clearProblem} />
                <Box>
                    <SaveButton label="app.task.submit" data-testid="complete-task" />
                </Box>
            </Stack>
        </Form>
    );
};
