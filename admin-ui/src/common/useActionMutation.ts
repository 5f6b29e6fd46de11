import { useMutation } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { errorMessage } from '../httpClient';

/**
 * A mutation for one of the API's action routes (claim, close, extend…): notifies the
 * outcome, shows the API's own message on failure, and refreshes the page on success.
 */
export const useActionMutation = <TArgs>(action: (args: TArgs) => Promise<unknown>, successMessage: string, onSuccess?: () => void) => {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: action,
    onSuccess: () => {
      notify(successMessage, { type: 'success' });
      onSuccess?.();
      refresh();
    },
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
};
