import { useMemo, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { problemOf, type Problem } from '../httpClient';

/**
 * A form that records something new each time (an objection, a complaint). `submit` runs
 * `action`; on success it calls `onRecorded`, notifies `success`, empties the form (a new
 * `record`, id `<idPrefix>-<n>`, with `defaults`) and refreshes; on failure it keeps the API's
 * problem for the form's ProblemAlert.
 */
export const useRecordingForm = <Values, Result>({
  idPrefix,
  defaults,
  action,
  success,
  onRecorded,
}: {
  idPrefix: string;
  defaults: Record<string, unknown>;
  action: (values: Values) => Promise<Result>;
  success: string;
  onRecorded?: (result: Result) => void;
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);
  // A new record (an empty form) only after each recording: `defaults` is a new object on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const record = useMemo(() => ({ id: `${idPrefix}-${generation}`, ...defaults }), [generation]);
  const submit = async (values: Values) => {
    setProblem(null);
    try {
      const result = await action(values);
      onRecorded?.(result);
      notify(success, { type: 'success' });
      setGeneration((g) => g + 1);
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    }
    return undefined;
  };
  return { record, submit, problem };
};
