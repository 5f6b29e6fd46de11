import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/** GET /api/campaigns/:id/award (the key starts with the resource: react-admin's refresh refetches it). */
export const useAwardStatus = (id?: Identifier) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'award', id],
    queryFn: () => dataProvider.award(id!),
    enabled: id != null,
  });
};
