import { limit, LIST_PATHS, ListLimitInputs } from './common';
import type { KindSettings, SettingsProps } from './types';

// A defined programme's campaign: how its roster is chosen (the definition's threshold and quota, which
// the coordinator may change at launch).

const Inputs = (_props: SettingsProps<'defined'>) => <ListLimitInputs what="roster" />;

export const definedSettings: KindSettings<'defined'> = {
  Inputs,
  toBody: (s) => ({ listThreshold: limit(s.listThreshold), listQuota: limit(s.listQuota) }),
  inputPaths: LIST_PATHS,
};
