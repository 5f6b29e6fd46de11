import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useParams, useTranslate } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import { portalTask, type PortalTask } from './api';
import { Pending } from './MyCasesPage';
import { BackButton } from './PageParts';
import { PORTAL_TASK_FORMS } from './pages';
import { useBilingual } from './useBilingual';
import { TaskWhen } from './TasksPage';
import { usePortalComplete } from './usePortalComplete';

const TaskWork = ({ task }: { task: PortalTask }) => {
  const translate = useTranslate();
  const { complete, problem } = usePortalComplete(task);
  const Form = PORTAL_TASK_FORMS[task.type];
  if (!Form) return <Alert severity="info">{translate('app.portal.no_form')}</Alert>;
  return (
    <Stack spacing={1}>
      {problem && <ProblemAlert problem={problem} />}
      <Form task={task} complete={complete} />
    </Stack>
  );
};

/** One of the operator's tasks: what and until when, why it came back, and its form from the registry (pages.tsx). */
export const TaskPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  const task = useQuery({ queryKey: ['portal', 'task', id], queryFn: () => portalTask(id) });
  const t = task.data;
  const returned = typeof t?.details?.returnedBecause === 'string' ? t.details.returnedBecause : undefined;
  return (
    <Stack spacing={1.5}>
      <Title title="app.portal.task_page" />
      <BackButton
        label={t?.caseId ? 'app.portal.back_to_cases' : 'app.portal.back_to_tasks'}
        onClick={() => navigate(t?.caseId ? `/cases/${encodeURIComponent(t.caseId)}` : '/tasks')}
      />
      {!t ? (
        <Pending error={task.error} />
      ) : (
        <>
          <Card>
            <CardContent>
              <Typography variant="h5" component="h2" data-testid="portal-task-title">
                {t.title}
              </Typography>
              <TaskWhen task={t} />
              {t.overdue && t.status === 'open' && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {translate('app.portal.overdue')}
                </Alert>
              )}
              {returned && (
                <Alert severity="warning" sx={{ mt: 1 }} data-testid="portal-task-returned">
                  {translate('app.portal.returned_because', { reason: returned })}
                </Alert>
              )}
              {t.resultSummary && (
                <Alert severity="success" sx={{ mt: 1 }}>
                  {words(t.resultSummary)}
                </Alert>
              )}
            </CardContent>
          </Card>
          {t.status === 'open' && <TaskWork task={t} />}
        </>
      )}
    </Stack>
  );
};
