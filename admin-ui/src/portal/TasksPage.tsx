import { Alert, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import type { PortalTask } from './api';
import { portalTasks } from './api';
import { Pending } from './MyCasesPage';
import { useBilingual } from './useBilingual';

/** A task's campaign and kind, and until when (or when it was done): on its card and on its page. */
export const TaskWhen = ({ task }: { task: PortalTask }) => {
  const translate = useTranslate();
  const words = useBilingual();
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {task.campaignName} · {words(task.typeName)}
      </Typography>
      <Typography variant="body2">
        {task.status === 'done' && task.completedAt
          ? translate('app.portal.done_on', { date: shanghaiDay(task.completedAt) })
          : translate('app.portal.due', { date: shanghaiDay(task.dueAt) })}
      </Typography>
    </>
  );
};

/** One task as a card: what, for which campaign, until when; opens its page (an officers' task only reads). */
export const TaskCard = ({ task }: { task: PortalTask }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  const body = (
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1, fontWeight: 'bold' }}>
          {task.title}
        </Typography>
        {task.overdue && task.status === 'open' && <Chip size="small" color="error" label={translate('app.portal.overdue')} />}
        <Chip
          size="small"
          color={task.status === 'open' ? (task.mine ? 'warning' : 'default') : 'success'}
          label={translate(task.status === 'done' ? 'app.portal.task_done' : task.mine ? 'app.portal.task_open' : 'app.portal.officers_task')}
        />
      </Stack>
      <TaskWhen task={task} />
      {task.resultSummary && (
        <Typography variant="body2" data-testid="portal-task-result">
          {words(task.resultSummary)}
        </Typography>
      )}
    </CardContent>
  );
  if (!task.mine) return <Card variant="outlined">{body}</Card>;
  return (
    <Card data-testid="portal-task-card">
      <CardActionArea onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}>{body}</CardActionArea>
    </Card>
  );
};

/** 待办事项: the operator's open tasks, earliest due first. */
export const TasksPage = () => {
  const translate = useTranslate();
  const tasks = useQuery({ queryKey: ['portal', 'tasks'], queryFn: () => portalTasks('open') });
  return (
    <Stack spacing={1.5}>
      <Title title="app.portal.my_tasks" />
      <Typography variant="h5" component="h2">
        {translate('app.portal.my_tasks')}
      </Typography>
      {!tasks.data ? (
        <Pending error={tasks.error} />
      ) : tasks.data.length === 0 ? (
        <Alert severity="info">{translate('app.portal.no_tasks')}</Alert>
      ) : (
        tasks.data.map((t) => <TaskCard key={t.id} task={t} />)
      )}
    </Stack>
  );
};
