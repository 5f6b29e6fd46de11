import { useGetList } from 'react-admin';
import type { SelfCheckArea, Task } from '../types';

/**
 * The eight areas of the checklist, for their names. Self-check and inspection tasks carry them;
 * a verification only carries the findings' keys, so their names come from the case's inspection.
 */
export const useAreas = (task: Task): SelfCheckArea[] => {
  const own = task.details?.areas;
  const { data } = useGetList<Task>(
    'tasks',
    {
      filter: { caseId: task.caseId, type: 'inspection' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: !own && !!task.caseId },
  );
  return own ?? data?.[0]?.details?.areas ?? [];
};
