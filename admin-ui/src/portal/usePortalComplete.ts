import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HttpError, useNavigate, useNotify } from 'react-admin';
import { problemOf, type Problem } from '../httpClient';
import { completePortalTask, type PortalTask } from './api';

/**
 * The submit of a portal task form: the same body and checks as staff completing a task. Field errors
 * come back for the form (react-admin's <Form> shows them under the inputs), the whole problem in `problem`.
 */
export const usePortalComplete = (task: PortalTask) => {
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const complete = async (body: unknown): Promise<Record<string, string> | undefined> => {
    setProblem(null);
    try {
      const answer = await completePortalTask(task.id, body);
      // 202: recorded, and taken by the case a moment later (the workflow service was busy or down).
      notify(answer.submission ? 'app.portal.submitted_pending' : 'app.portal.completed', { type: answer.submission ? 'info' : 'success' });
      // The case, the to-do list and the task all changed.
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      navigate(task.caseId ? `/cases/${encodeURIComponent(task.caseId)}` : '/tasks');
      return undefined;
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      return error instanceof HttpError ? (error.body?.errors as Record<string, string> | undefined) : undefined;
    }
  };
  return { complete, problem };
};
