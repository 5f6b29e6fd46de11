import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../httpClient';
import type { DashboardData } from './types';

/** GET /api/dashboard, refreshed every minute (react-admin's refresh button refetches it too). */
export const useDashboard = () =>
  useQuery({
    queryKey: ['dashboard'],
    queryFn: async ({ signal }) => (await httpClient(`${API_URL}/dashboard`, { signal })).json as DashboardData,
    refetchInterval: 60_000,
  });
