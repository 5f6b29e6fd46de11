// What the step before this one concluded (GET /api/tasks/:id/previous-steps; README "Comments and files"):
// the city audit shows the county's pre-review, a verification the inspection (or interview) that ordered
// the rectification with its findings, photos and comments. Laid out as that task's own result page.
import { Box, Paper, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../httpClient';
import { CommentList, Comments, type CommentView } from '../common/Comments';
import { FileList, FilesPanel, type CaseFile } from '../common/FilesPanel';
import { useFormatDate } from '../common/fields';
import type { Task } from '../types';
import { TaskResult } from './TaskResult';

interface PreviousStep {
  id: string;
  type: string;
  title: string;
  details: Task['details'];
  result: Task['result'];
  completedAt: string | null;
  completedByName: string | null;
  files: CaseFile[];
  comments: CommentView[];
}

export const PreviousSteps = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const { data } = useQuery({
    queryKey: ['previous-steps', task.id],
    queryFn: async () => (await httpClient(`${API_URL}/tasks/${encodeURIComponent(task.id)}/previous-steps`)).json as PreviousStep[],
  });
  if (!data?.length) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="previous-steps">
      <Typography variant="h6" sx={{ mt: 1, mb: 1 }}>
        {translate('app.previous.title')}
      </Typography>
      {data.map((step) => (
        <Paper key={step.id} variant="outlined" sx={{ p: 1.5, mb: 1.5 }} data-testid={`previous-${step.type}`}>
          <Typography variant="subtitle1">{step.title}</Typography>
          {step.completedAt && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
              {translate('app.previous.completed', { date: formatDate(step.completedAt), name: step.completedByName ?? '' })}
            </Typography>
          )}
          <TaskResult task={{ ...task, id: step.id, type: step.type, title: step.title, details: step.details, result: step.result, status: 'done' } as Task} />
          {step.files.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1.5 }}>
                {translate('app.files.title')}
              </Typography>
              <FileList files={step.files} />
            </>
          )}
          {step.comments.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1.5, mb: 0.5 }}>
                {translate('app.comments.title')}
              </Typography>
              <CommentList comments={step.comments} />
            </>
          )}
        </Paper>
      ))}
    </Box>
  );
};

/** On the task page, above its form or result. */
export const TaskPreviousSteps = () => {
  const task = useRecordContext<Task>();
  return task ? <PreviousSteps task={task} /> : null;
};

/** On the task page, below its form or result: its files and its comment thread. */
export const TaskFilesAndComments = () => {
  const task = useRecordContext<Task>();
  if (!task) return null;
  return (
    <>
      <FilesPanel of="tasks" id={String(task.id)} />
      <Comments of="tasks" id={String(task.id)} />
    </>
  );
};
