import { required, TextInput } from 'react-admin';
import type { Task } from '../types';
import { TaskForm } from './FormParts';

/** Acknowledges overdue work: a note on why it is late and what was done. */
export const EscalationForm = ({ task }: { task: Task }) => (
  <TaskForm
    task={task}
    defaults={{ note: '' }}
    onSubmit={(values: { note?: string }, complete) => complete({ note: (values.note ?? '').trim() })}
    data-testid="escalation-form"
    spacing={2}
  >
    <TextInput source="note" label="app.escalation.note" helperText="app.escalation.note_helper" validate={required()} multiline minRows={3} />
  </TaskForm>
);
