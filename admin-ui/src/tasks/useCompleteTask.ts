import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import { inputErrors } from '../common/formErrors';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import type { CompleteTaskBody, Task } from '../types';

// Inputs the completion forms have, by the last segment of their path (areas.3.description…).
const INPUT_NAMES = new Set([
  'finding',
  'description',
  'fixed',
  'note',
  'decision',
  'method',
  'violation',
  'measure',
  'rectifyBy',
  'passed',
  'score',
  'comment',
  'reason',
  'missing',
  'supplied',
  'filedOn',
  'reference',
]);
// city_audit and rubric: one input per item, points.<item>; a defined form task: values.<field>.
const isInput = (path: string) => INPUT_NAMES.has(path.split('.').pop() ?? '') || /^(points|values)\.[^.]+$/.test(path);

/**
 * Submit handler for the completion forms. On failure it notifies the API's message, keeps it
 * (with any field problems) in `problem` for the form to show, and returns the field errors,
 * which react-admin's <Form> shows under the inputs. `renamePath` maps an error path of the
 * body sent to the form's own path (e.g. when only some rows were sent).
 */
export const useCompleteTask = (task: Task) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<Problem | null>(null);
  const complete = async (body: CompleteTaskBody, renamePath?: (path: string) => string) => {
    setProblem(null);
    try {
      const answer = await dataProvider.completeTask(task.id, body);
      // 202: recorded, and taken by the case a moment later (the workflow service was busy or down).
      notify(answer.submission ? 'app.task.submitted' : 'app.task.completed', { type: answer.submission ? 'info' : 'success' });
      refresh();
      return undefined;
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      return inputErrors(error, isInput, renamePath);
    }
  };
  return Object.assign(complete, { problem, clearProblem: () => setProblem(null) });
};
