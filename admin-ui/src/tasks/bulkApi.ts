// Task bulk actions (api/README.md "Resources", POST /api/tasks/assign and /remind): 指派, 催办提醒;
// coordinators of the scope and county officers for tasks of their own jurisdiction.
import { HttpError } from 'react-admin';
import { API_URL, httpClient, problemOf, type Problem } from '../httpClient';
import { i18nProvider } from '../i18n';
import type { Role, Task, User } from '../types';

/** A task row as the list and show pages get it: with the display names of whoever holds and completed it. */
export type TaskRow = Task & { claimedByName?: string | null; completedByName?: string | null };

export type Assignee = Pick<User, 'id' | 'username' | 'displayName' | 'jurisdictionId'> & { role: Role };

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** Users who may take every one of the tasks. */
export const fetchAssignees = async (taskIds: string[], signal?: AbortSignal): Promise<Assignee[]> =>
  (await httpClient(`${API_URL}/tasks/assignees?${new URLSearchParams({ ids: taskIds.join(',') })}`, { signal })).json as Assignee[];

export const assignTasks = (taskIds: string[], userId: string) => post<{ assigned: number; tasks: TaskRow[] }>('/tasks/assign', { taskIds, userId });

/** 释放: the holder, or a coordinator over it (then with a reason). */
export const releaseTask = (id: string, reason?: string) => post<TaskRow>(`/tasks/${encodeURIComponent(id)}/release`, reason ? { reason } : {});

/** 转交: to a colleague who may take it, with a reason. */
export const delegateTask = (id: string, userId: string, reason: string) => post<TaskRow>(`/tasks/${encodeURIComponent(id)}/delegate`, { userId, reason });

export const remindTasks = (taskIds: string[]) => post<{ reminded: number; alreadyToday: number }>('/tasks/remind', { taskIds });

/** 指派: coordinators and county officers (the API checks the scope of each task). */
export const canAssignTasks = (role?: Role) => role === 'coordinator' || role === 'county_officer';
/** 催办提醒: the same, and leaders. */
export const canRemindTasks = (role?: Role) => canAssignTasks(role) || role === 'leader';

interface TaskProblem {
  path?: string;
  messageZh?: string;
  messageEn?: string;
  message?: string;
}

/**
 * The API's refusal with one line per task it names ("taskIds.<id>": …), each prefixed with the
 * task's title when the page knows it. Reads `fields` (the API's usual name) or `problems`.
 */
export const taskProblemOf = (error: unknown, titleOf: (id: string) => string | undefined): Problem => {
  const problem = problemOf(error);
  const body = error instanceof HttpError ? (error.body as { problems?: TaskProblem[] } | undefined) : undefined;
  const en = i18nProvider.getLocale() === 'en';
  const fields = problem.fields.length
    ? problem.fields
    : (body?.problems ?? []).map((p) => ({
        path: p.path ?? '',
        message: (en ? p.messageEn : p.messageZh) || p.message || p.path || '',
      }));
  return {
    message: problem.message,
    fields: fields.map((field) => {
      const id = /^taskIds\.(.+)$/.exec(field.path)?.[1];
      const title = id ? (titleOf(id) ?? id) : undefined;
      return { ...field, message: title ? `${title}：${field.message}` : field.message };
    }),
  };
};
