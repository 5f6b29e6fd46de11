import PanToolIcon from '@mui/icons-material/PanTool';
import { Button, useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { canWorkTask } from '../permissions';
import type { Role, Task } from '../types';

/** Claims an open, unclaimed task for the current user (POST /api/tasks/:id/claim). */
export const ClaimButton = () => {
  const task = useRecordContext<Task>();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { mutate, isPending } = useActionMutation((id: string) => dataProvider.claimTask(id), 'app.task.claimed');
  if (!task || task.status !== 'open' || task.claimedById || !canWorkTask(permissions, task)) {
    return null;
  }
  return (
    <Button label="app.task.claim" data-testid="claim-task" variant="contained" disabled={isPending} onClick={() => mutate(task.id)}>
      <PanToolIcon />
    </Button>
  );
};
