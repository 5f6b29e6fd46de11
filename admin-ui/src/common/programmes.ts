import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { Programme, ProgrammeStage } from '../types';
import { useLocalizedName } from './useLocalizedName';

/** Programme definitions rarely change, so one fetch per session is enough. */
export const useProgrammes = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => dataProvider.programmes(),
    staleTime: Infinity,
  });
};

export const useProgrammeName = () => {
  const { data } = useProgrammes();
  const localized = useLocalizedName();
  return (id?: string | null) => {
    const programme = data?.find((p) => p.id === id);
    return programme ? localized(programme) : (id ?? '');
  };
};

/**
 * Stage names by key. Tasks only carry a stage key, so the name comes from the programme
 * definitions (the given programme first, then any programme using that key).
 */
export const useStageName = () => {
  const { data } = useProgrammes();
  const localized = useLocalizedName();
  const translate = useTranslate();
  return (key?: string | null, programmeId?: string) => {
    if (!key) return '';
    const find = (programmes: Programme[]) => programmes.flatMap((p) => p.stages ?? []).find((s: ProgrammeStage) => s.key === key);
    const stage = find((data ?? []).filter((p) => p.id === programmeId)) ?? find(data ?? []);
    // Keys outside the calendar (after_award: a title's follow-up) have a translation.
    return stage ? localized(stage) : translate(`app.stage.extra.${key}`, { _: key });
  };
};

/** One choice per distinct stage key across all programmes, for filters. */
export const useStageChoices = () => {
  const { data } = useProgrammes();
  const localized = useLocalizedName();
  const seen = new Map<string, string>();
  data?.forEach((p) => (p.stages ?? []).forEach((s) => seen.has(s.key) || seen.set(s.key, localized(s))));
  return [...seen].map(([id, name]) => ({ id, name }));
};
