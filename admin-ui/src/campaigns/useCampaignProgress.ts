import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/**
 * GET /api/campaigns/:id/progress. The key starts with the resource name so that react-admin's
 * refresh and its campaign invalidations refetch it too. `refetchWhileLaunching` polls every two
 * seconds while a launch is still starting its cases.
 */
export const useCampaignProgress = (id?: Identifier, opts: { refetchWhileLaunching?: boolean } = {}) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'progress', id],
    queryFn: () => dataProvider.campaignProgress(id!),
    enabled: id != null,
    refetchInterval: opts.refetchWhileLaunching
      ? (query) => (query.state.data && query.state.data.cases.started < query.state.data.cases.enrolled ? 2000 : false)
      : undefined,
  });
};
