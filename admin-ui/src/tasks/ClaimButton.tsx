import PanToolIcon from '@mui/icons-material/PanTool';
import { Button, type ButtonProps } from '@mui/material';
import { useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { canWorkTask } from '../permissions';
import type { Role, Task } from '../types';

/**
 * Claims an open, unclaimed task for the current user (POST /api/tasks/:id/claim). MUI's button rather
 * than react-admin's, which shows only an icon on a phone: 认领 keeps its word wherever it is.
 */
export const ClaimButton = ({ size = 'small', sx }: Pick<ButtonProps, 'size' | 'sx'>) => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { mutate, isPending } = useActionMutation((id: string) => dataProvider.claimTask(id), 'app.task.claimed');
  if (!task || task.status !== 'open' || task.claimedById || !canWorkTask(permissions, task)) {
    return null;
  }
  return (
    <Button data-testid="claim-task" variant="contained" size={size} sx={sx} startIcon={<PanToolIcon />} disabled={isPending} onClick={() => mutate(task.id)}>
      {translate('app.task.claim')}
    </Button>
  );
};
