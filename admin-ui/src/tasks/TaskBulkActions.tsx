import { useState } from 'react';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { BulkExportButton, Button, downloadCSV, useListContext, useNotify, usePermissions, useRefresh, useTranslate, type Exporter } from 'react-admin';
import { toCsv } from '../common/csv';
import { downloadXlsx } from '../common/xlsx';
import { useFormatDate } from '../common/fields';
import { useStageName } from '../common/programmes';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Problem } from '../httpClient';
import type { Jurisdiction, Role } from '../types';
import { assignTasks, canAssignTasks, canRemindTasks, fetchAssignees, remindTasks, taskProblemOf, type TaskRow } from './bulkApi';

/** The selected ids as strings, and the title of each selected task the page has loaded. */
const useSelection = () => {
  const { selectedIds, data, onUnselectItems } = useListContext<TaskRow>();
  const ids = selectedIds.map(String);
  const titleOf = (id: string) => data?.find((t) => String(t.id) === id)?.title;
  return { ids, titleOf, onUnselectItems };
};

/** 指派: a dialog of the users who may take every selected task; all or nothing. */
export const AssignTasksButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { ids, titleOf, onUnselectItems } = useSelection();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const assignees = useQuery({
    queryKey: ['task-assignees', ids],
    queryFn: ({ signal }) => fetchAssignees(ids, signal),
    enabled: open && ids.length > 0,
    retry: false,
  });
  const close = () => {
    setOpen(false);
    setUserId('');
    setProblem(null);
  };
  const submit = async () => {
    setPending(true);
    setProblem(null);
    try {
      const { assigned } = await assignTasks(ids, userId);
      const name = assignees.data?.find((a) => a.id === userId)?.displayName ?? userId;
      notify('app.bulk.assigned', { type: 'success', messageArgs: { smart_count: assigned, name } });
      close();
      onUnselectItems();
      refresh();
    } catch (error) {
      setProblem(taskProblemOf(error, titleOf));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label="app.bulk.assign" data-testid="tasks-assign" onClick={() => setOpen(true)}>
        <AssignmentIndIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="assign-dialog">
        <DialogTitle>{translate('app.bulk.assign_title', { smart_count: ids.length })}</DialogTitle>
        <DialogContent>
          {assignees.isPending && assignees.fetchStatus !== 'idle' && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
          {assignees.error && <ProblemAlert problem={taskProblemOf(assignees.error, titleOf)} testId="assignees-problem" />}
          {assignees.data && assignees.data.length === 0 && <Alert severity="info">{translate('app.bulk.no_assignees')}</Alert>}
          {assignees.data && assignees.data.length > 0 && (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.bulk.assign_helper')}
              </Typography>
              <RadioGroup value={userId} onChange={(event) => setUserId(event.target.value)}>
                {assignees.data.map((a) => (
                  <FormControlLabel
                    key={a.id}
                    value={a.id}
                    control={<Radio size="small" />}
                    data-testid={`assignee-${a.username}`}
                    label={`${a.displayName}（${a.username} · ${translate(`app.role.${a.role}`, { _: a.role })}）`}
                  />
                ))}
              </RadioGroup>
            </>
          )}
          <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="assign-problem" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button label="app.bulk.assign" variant="contained" data-testid="assign-confirm" disabled={!userId || pending} onClick={() => void submit()} />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** 催办提醒: one reminder per open task per day; the result says how many went out. */
export const RemindTasksButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { ids, titleOf, onUnselectItems } = useSelection();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const remind = async () => {
    setPending(true);
    try {
      const { reminded, alreadyToday } = await remindTasks(ids);
      notify('app.bulk.reminded', {
        type: reminded > 0 ? 'success' : 'info',
        messageArgs: { reminded, already: alreadyToday },
      });
      onUnselectItems();
      refresh();
    } catch (error) {
      setProblem(taskProblemOf(error, titleOf));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label="app.bulk.remind" data-testid="tasks-remind" disabled={pending} onClick={() => void remind()}>
        <NotificationsActiveIcon />
      </Button>
      <Dialog open={!!problem} onClose={() => setProblem(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.bulk.remind_failed')}</DialogTitle>
        <DialogContent>
          <ProblemAlert problem={problem} testId="remind-problem" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setProblem(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The selected tasks as CSV (UTF-8 with BOM) or as an Excel workbook, columns and values in the UI language. */
const useTaskExporter = (format: 'csv' | 'xlsx'): Exporter<TaskRow> => {
  const translate = useTranslate();
  const stageName = useStageName();
  const formatDate = useFormatDate();
  return async (records, fetchRelatedRecords) => {
    const jurisdictions = await fetchRelatedRecords<Jurisdiction>(records, 'jurisdictionId', 'jurisdictions');
    const columns: [string, (t: TaskRow) => unknown][] = [
      ['resources.tasks.fields.id', (t) => t.id],
      ['resources.tasks.fields.title', (t) => t.title],
      ['resources.tasks.fields.type', (t) => translate(`app.task.type.${t.type}`, { _: t.type })],
      ['resources.tasks.fields.stageKey', (t) => stageName(t.stageKey)],
      ['app.task.operator', (t) => t.details?.operatorName ?? ''],
      ['app.task.uscc', (t) => t.details?.operatorUscc ?? ''],
      ['resources.tasks.fields.jurisdictionId', (t) => jurisdictions[t.jurisdictionId]?.name ?? t.jurisdictionId],
      ['resources.tasks.fields.assigneeRole', (t) => translate(`app.role.${t.assigneeRole}`, { _: t.assigneeRole })],
      ['resources.tasks.fields.claimedByName', (t) => t.claimedByName ?? ''],
      ['resources.tasks.fields.status', (t) => translate(`app.task.status.${t.status}`, { _: t.status })],
      ['resources.tasks.fields.overdue', (t) => translate(t.overdue ? 'app.common.yes' : 'app.common.no')],
      ['resources.tasks.fields.dueAt', (t) => formatDate(t.dueAt)],
      ['resources.tasks.fields.completedAt', (t) => formatDate(t.completedAt)],
    ];
    const header = columns.map(([label]) => translate(label));
    const rows = records.map((task) => columns.map(([, value]) => value(task)));
    const filename = `${translate('app.bulk.export_filename')}-${new Date().toISOString().slice(0, 10)}`;
    if (format === 'xlsx')
      return downloadXlsx(
        header,
        rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? null : String(v)))),
        translate('app.bulk.export_filename'),
        `${filename}.xlsx`,
      );
    downloadCSV(toCsv([header, ...rows]), filename);
  };
};

/** The list's bulk actions: 指派 and 催办提醒 for coordinators and county officers, export for all. */
export const TaskBulkActions = () => {
  const { permissions } = usePermissions<Role>();
  const exporter = useTaskExporter('csv');
  const xlsx = useTaskExporter('xlsx');
  return (
    <>
      {canAssignTasks(permissions) && <AssignTasksButton />}
      {canRemindTasks(permissions) && <RemindTasksButton />}
      <BulkExportButton exporter={exporter} label="app.bulk.export" data-testid="tasks-export" />
      <BulkExportButton exporter={xlsx} label="app.bulk.export_xlsx" data-testid="tasks-export-xlsx" />
    </>
  );
};
