import AssignmentIcon from '@mui/icons-material/Assignment';
import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, useGetList, useTranslate } from 'react-admin';
import { taskListPath } from './links';
import { countLabel } from '../dataProvider';

const MINE = { mine: true, status: 'open' };

/** 我的待办: how many open tasks wait for the user (the list's Content-Range total), linking to them. */
export const MyTasksCard = () => {
  const translate = useTranslate();
  // Beyond its bound the API does not count (api/list.ts LIST_TOTAL_CAP): the card says "more than" it.
  const { total, meta, isPending } = useGetList('tasks', {
    filter: MINE,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'dueAt', order: 'ASC' },
  });
  return (
    <Card data-testid="dashboard-my-tasks">
      <CardActionArea component={LinkBase} to={taskListPath(MINE)}>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <AssignmentIcon color="primary" fontSize="large" />
            <div>
              <Typography variant="subtitle1">{translate('app.dashboard.my_tasks')}</Typography>
              <Typography variant="body2" color="text.secondary">
                {isPending
                  ? '…'
                  : total == null && meta?.totalExceeds
                    ? translate('app.dashboard.my_tasks_many', { count: meta.totalExceeds })
                    : translate('app.dashboard.my_tasks_open', { smart_count: total ?? 0 })}
              </Typography>
            </div>
            <Typography variant="h4" color="primary" sx={{ ml: 'auto !important' }} data-testid="dashboard-my-tasks-count">
              {isPending ? '' : (countLabel(total, meta) ?? 0)}
            </Typography>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
