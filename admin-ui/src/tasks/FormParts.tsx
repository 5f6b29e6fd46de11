import { useMemo, type ReactNode } from 'react';
import { Box, Stack, type StackProps } from '@mui/material';
import { DateInput, Form, RadioButtonGroupInput, required, SaveButton, type DateInputProps } from 'react-admin';
import { measureChoices } from '../choices';
import { ProblemAlert } from '../common/ProblemAlert';
import { narrowFullWidthSx } from '../layout/responsive';
import { StickyActions } from '../layout/StickyActions';
import type { Task } from '../types';
import { useCompleteTask } from './useCompleteTask';

export type CompleteTask = ReturnType<typeof useCompleteTask>;

/**
 * The completion form of a task: its inputs, then the API's refusal (field problems included)
 * and the submit button. `onSubmit` gets the form values and `complete`, whose field errors it
 * returns for <Form> to show under the inputs. The other props go to the Stack of inputs.
 *
 * <Form> resets whenever its record changes; keying the initial values (`defaults`) on the task
 * id alone keeps what the user typed when the task is refetched (after claiming, on focus…).
 */
export const TaskForm = <Values,>({
  task,
  defaults,
  onSubmit,
  children,
  sx,
  ...stackProps
}: {
  task: Task;
  defaults: Record<string, unknown>;
  onSubmit: (values: Values, complete: CompleteTask) => ReturnType<CompleteTask> | undefined;
  children: ReactNode;
} & Omit<StackProps, 'onSubmit'>) => {
  const complete = useCompleteTask(task);
  // The form's record changes with the task only: `defaults` is a new object on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const record = useMemo(() => ({ id: task.id, ...defaults }), [task.id]);
  return (
    <Form record={record} onSubmit={(values: unknown) => onSubmit(values as Values, complete)}>
      {/* On a phone: one column of full-width inputs, 提交 kept at the bottom of the screen (layout/StickyActions). */}
      <Stack {...stackProps} sx={[narrowFullWidthSx, ...(Array.isArray(sx) ? sx : [sx])]}>
        {children}
        <ProblemAlert problem={complete.problem} onClose={complete.clearProblem} />
        <StickyActions>
          <Box>
            <SaveButton label="app.task.submit" data-testid="complete-task" sx={{ width: { xs: '100%', md: 'auto' } }} />
          </Box>
        </StickyActions>
      </Stack>
    </Form>
  );
};

/** 约谈 or 行政指导, for a minor finding or a complaint. */
export const MeasureInput = () => <RadioButtonGroupInput source="measure" label="app.inspection.measure" choices={measureChoices} validate={required()} />;

/** The rectification deadline (`rectifyBy`); required unless `validate` says otherwise. */
export const RectifyByInput = (props: Omit<DateInputProps, 'source'>) => (
  <DateInput source="rectifyBy" label="app.inspection.rectify_by" validate={required()} sx={{ maxWidth: { md: '16rem' } }} {...props} />
);
