// Each programme kind's settings on the launch form, one module per kind (domain/programmes/kinds/<kind>.ts
// holds the rules they are checked by). A new kind is a compile error here until it has its settings.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Programme, ProgrammeKind, SettingsInputOf } from '../../types';
import { applicationSettings } from './ApplicationSettings';
import { definedSettings } from './DefinedSettings';
import { registerSettings } from './RegisterSettings';
import { stagedAwardSettings } from './StagedAwardSettings';
import type { FormSettings, KindSettings } from './types';

export { mergeSettings } from './common';
export type { FormSettings } from './types';

const KIND_SETTINGS: { [K in ProgrammeKind]: KindSettings<K> } = {
  staged_award: stagedAwardSettings,
  application: applicationSettings,
  register: registerSettings,
  defined: definedSettings,
};

// The map is typed per kind; a call on "any kind" goes through this one widening (as the server's kinds do).
const settingsOf = (kind: ProgrammeKind) => KIND_SETTINGS[kind] as unknown as KindSettings<ProgrammeKind>;

/** The launch body's `settings` for the programme: its kind's own, from the form's values. */
export const settingsBody = (programme: Programme, values: FormSettings): SettingsInputOf<ProgrammeKind> =>
  settingsOf(programme.kind).toBody(values, programme as never);

/** Whether an input of some kind's settings holds this path of the API's problems. */
export const isSettingsInputPath = (path: string) => Object.values(KIND_SETTINGS).some((k) => k.inputPaths.some((re) => re.test(path)));

/** The programme's settings inputs, under a heading naming what its kind sets. */
export const KindSettingsInputs = ({ programme }: { programme: Programme }) => {
  const translate = useTranslate();
  const { Inputs } = settingsOf(programme.kind);
  return (
    <Box sx={{ width: '100%' }} data-testid="settings-inputs" data-kind={programme.kind}>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate(`app.settings.title.${programme.kind}`)}
      </Typography>
      <Inputs programme={programme as never} />
    </Box>
  );
};
