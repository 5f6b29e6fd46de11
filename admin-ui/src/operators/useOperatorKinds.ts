import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { useLocalizedName } from '../common/useLocalizedName';
import type { AppDataProvider } from '../dataProvider';

/** GET /api/operator-kinds as select choices: the kinds (named by the API) and the platforms. */
export const useOperatorKinds = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const localized = useLocalizedName();
  const { data } = useQuery({
    queryKey: ['operator-kinds'],
    queryFn: () => dataProvider.operatorKinds(),
    staleTime: Infinity,
  });
  return {
    kindChoices: (data?.kinds ?? []).map((k) => ({ id: k.key, name: localized(k) })),
    // Platform names are translations (app.operator.platform.<key>).
    platformChoices: (data?.platforms ?? []).map((p) => ({ id: p, name: `app.operator.platform.${p}` })),
  };
};
