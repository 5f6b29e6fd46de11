import { useMutation } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { errorMessage } from '../httpClient';

/**
 * A mutation for one of the API's action routes (claim, close, extend…): notifies the
 * outcome (a message of its own per result, if need be), shows the API's own message on failure, and refreshes the page on success.
 */
export const useActionMutation = <TArgs, TResult = unknown>(
  action: (args: TArgs) => Promise<TResult>,
  successMessage: string | ((result: TResult) => string),
  onSuccess?: (result: TResult) => void,
) => {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      notify(typeof successMessage === 'function' ? successMessage(result) : successMessage, { type: 'success' });
      onSuccess?.(result);
      refresh();
    },
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
};
