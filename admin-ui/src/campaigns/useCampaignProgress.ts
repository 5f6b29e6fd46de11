import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/**
 * GET /api/campaigns/:id/progress. The key starts with the resource name so that react-admin's
 * refresh and its campaign invalidations refetch it too.
 */
export const useCampaignProgress = (id?: Identifier) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    return useQuery({
        queryKey: ['campaigns', 'progress', id],
        queryFn: () => dataProvider.campaignProgress(id!),
        enabled: id != null,
    });
};
