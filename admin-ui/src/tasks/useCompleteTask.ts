import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import type { CompleteTaskBody, Task } from '../types';

/**
 * Submit handler for the completion forms. On failure it notifies the API's message and
 * returns the API's field errors, which react-admin's <Form> shows under the inputs.
 */
export const useCompleteTask = (task: Task) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    return async (body: CompleteTaskBody) => {
        try {
            await dataProvider.completeTask(task.id, body);
            notify('app.task.completed', { type: 'success' });
            refresh();
            return undefined;
        } catch (error) {
            notify(errorMessage(error), { type: 'error' });
            return error instanceof HttpError ? error.body?.errors : undefined;
        }
    };
};
