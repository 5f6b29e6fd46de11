import { useState } from 'react';
import PanToolIcon from '@mui/icons-material/PanTool';
import UndoIcon from '@mui/icons-material/Undo';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { Alert, Button, FormControlLabel, Radio, RadioGroup, Typography, type ButtonProps } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { canWorkTask } from '../permissions';
import type { Role, Task } from '../types';
import { delegateTask, fetchAssignees, releaseTask, type TaskRow } from './bulkApi';

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
    <Button
      data-testid="claim-task"
      variant="contained"
      size={size}
      sx={sx}
      startIcon={<PanToolIcon />}
      disabled={isPending}
      onClick={(event) => {
        // In a list row, claiming does not also open the task.
        event.stopPropagation();
        mutate(task.id);
      }}
    >
      {translate('app.task.claim')}
    </Button>
  );
};

const useMyId = () => {
  const { identity } = useGetIdentity();
  return identity ? String(identity.id) : undefined;
};

/**
 * Who handles a task, by name: its holder, or (a task completed before anyone held it) whoever completed
 * it; 未认领 while nobody does.
 */
export const useHandlerName = (task?: TaskRow) => {
  const translate = useTranslate();
  if (!task) return '';
  if (task.claimedById) return task.claimedByName ?? '';
  if (task.completedByName) return task.completedByName;
  return task.status === 'open' ? translate('app.task.unclaimed') : '';
};

/**
 * 释放 (POST /api/tasks/:id/release): the holder gives an open task back to the unit's tasks to claim; a
 * coordinator over it may release a colleague's, saying why (the audit trail keeps the reason).
 */
export const ReleaseButton = ({ size = 'small' }: Pick<ButtonProps, 'size'>) => {
  const task = useRecordContext<TaskRow>();
  const translate = useTranslate();
  const me = useMyId();
  const { permissions } = usePermissions<Role>();
  const [asking, setAsking] = useState(false);
  const { mutate, isPending } = useActionMutation((args: { id: string; reason?: string }) => releaseTask(args.id, args.reason), 'app.task.released');
  const notify = useNotify();
  const refresh = useRefresh();
  if (!task || task.status !== 'open' || !task.claimedById) return null;
  const mine = task.claimedById === me;
  if (!mine && permissions !== 'coordinator') return null;
  return (
    <>
      <Button
        data-testid="release-task"
        size={size}
        startIcon={<UndoIcon />}
        disabled={isPending}
        onClick={() => (mine ? mutate({ id: task.id }) : setAsking(true))}
      >
        {translate('app.task.release')}
      </Button>
      <ReasonDialog
        open={asking}
        title={translate('app.task.release_title')}
        content={translate('app.task.release_content', { name: task.claimedByName ?? '' })}
        reasonLabel="app.task.release_reason"
        confirm="app.task.release"
        testId="release-dialog"
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          // The dialog keeps the API's refusal on screen; only success is notified.
          await releaseTask(task.id, reason);
          setAsking(false);
          notify('app.task.released', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};

/**
 * 转交 (POST /api/tasks/:id/delegate): to a colleague of the same role whose jurisdiction holds the task,
 * with a reason. Offered to the holder, to one who may take the task while nobody holds it, and to a
 * coordinator over it. An operator's own task is not delegated (it is done for the operator instead).
 */
export const DelegateButton = ({ size = 'small' }: Pick<ButtonProps, 'size'>) => {
  const task = useRecordContext<TaskRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const me = useMyId();
  const { permissions } = usePermissions<Role>();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const colleagues = useQuery({
    queryKey: ['task-delegates', task?.id],
    queryFn: ({ signal }) => fetchAssignees([String(task!.id)], signal),
    enabled: open && !!task,
    retry: false,
  });
  if (!task || task.status !== 'open' || task.assigneeRole === 'operator') return null;
  const mine = task.claimedById === me;
  const mayTake = !task.claimedById && permissions === task.assigneeRole;
  if (!mine && !mayTake && permissions !== 'coordinator') return null;
  const choices = (colleagues.data ?? []).filter((u) => u.id !== task.claimedById && u.id !== me);
  const close = () => {
    setOpen(false);
    setUserId('');
  };
  return (
    <>
      <Button data-testid="delegate-task" size={size} startIcon={<ForwardToInboxIcon />} onClick={() => setOpen(true)}>
        {translate('app.task.delegate')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('app.task.delegate_title')}
        reasonLabel="app.task.delegate_reason"
        confirm="app.task.delegate"
        testId="delegate-dialog"
        canConfirm={!!userId}
        onClose={close}
        onConfirm={async (reason) => {
          await delegateTask(String(task.id), userId, reason);
          const name = choices.find((u) => u.id === userId)?.displayName ?? '';
          close();
          notify('app.task.delegated', { type: 'success', messageArgs: { name } });
          refresh();
        }}
      >
        {colleagues.isSuccess && choices.length === 0 ? (
          <Alert severity="info">{translate('app.task.no_delegates')}</Alert>
        ) : (
          <>
            <Typography variant="body2">{translate('app.task.delegate_helper')}</Typography>
            <RadioGroup value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="delegate-choices">
              {choices.map((u) => (
                <FormControlLabel key={u.id} value={u.id} control={<Radio />} label={u.displayName} />
              ))}
            </RadioGroup>
          </>
        )}
      </ReasonDialog>
    </>
  );
};
