import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../httpClient';
import type { CalendarData } from './types';

/** GET /api/calendar?from&to (days in Asia/Shanghai, at most 92 days apart). */
export const useCalendar = (from: string, to: string) =>
  useQuery({
    queryKey: ['calendar', from, to],
    queryFn: async ({ signal }) =>
      (
        await httpClient(`${API_URL}/calendar?${new URLSearchParams({ from, to })}`, {
          signal,
        })
      ).json as CalendarData,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
