import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { problemOf, type Problem } from '../httpClient';

/**
 * A <Confirm> dialog in front of an action: `ask(value)` opens it; confirming runs
 * `action(value)`, loading meanwhile, and closes the dialog whatever the outcome (the action
 * reports its own failure). Spread `confirmProps` on the <Confirm>.
 */
export const useConfirmation = <T = void>(action: (value: T) => Promise<void>) => {
  const [asked, setAsked] = useState<{ value: T } | null>(null);
  const [loading, setLoading] = useState(false);
  const close = () => setAsked(null);
  const confirm = async () => {
    if (!asked) return;
    setLoading(true);
    try {
      await action(asked.value);
    } finally {
      setLoading(false);
      close();
    }
  };
  return {
    ask: (value: T) => setAsked({ value }),
    loading,
    confirmProps: { isOpen: !!asked, loading, onConfirm: confirm, onClose: close },
  };
};

/**
 * useConfirmation for an API action whose failure is shown in the page: confirming runs
 * `action(value)`; on success it notifies `success` and refreshes, on failure it keeps the API's
 * problem (for a ProblemAlert; `clearProblem` dismisses it).
 */
export const useConfirmedAction = <T = void>(action: (value: T) => Promise<unknown>, success: string) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<Problem | null>(null);
  const confirmation = useConfirmation(async (value: T) => {
    setProblem(null);
    try {
      await action(value);
      notify(success, { type: 'success' });
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    }
  });
  return { ...confirmation, problem, clearProblem: () => setProblem(null) };
};
