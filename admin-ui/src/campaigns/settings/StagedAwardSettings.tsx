import { CheckboxInput } from '../../common/CheckboxInput';
import { Box, Typography } from '@mui/material';
import { FormDataConsumer, maxValue, minValue, NumberInput, required, SelectInput, useTranslate, type Validator } from 'react-admin';
import { DurationChoice } from './DurationChoice';
import { useServerErrors } from '../../common/ServerErrors';
import { useLocalizedName } from '../../common/useLocalizedName';
import type { Named, ScoringGroup } from '../../types';
import { num, wholeNumber } from './common';
import type { KindSettings, SettingsProps } from './types';

// A staged award's settings (Changxing 三、评定管理): weights per track and dimension, the award threshold,
// the title's validity, the 公示 days, rectification rounds and verification days.

/** On the last dimension of a group: the group's weights must add up to its share (70 / 30). */
const groupShare =
  (track: string, group: ScoringGroup): Validator =>
  (_value, values: { settings?: { weights?: Record<string, Record<string, unknown>> } }) => {
    const weights = values?.settings?.weights?.[track] ?? {};
    const sum = group.dimensions.reduce((n, d) => n + (Number(weights[d.key]) || 0), 0);
    return sum === group.share ? undefined : { message: 'app.settings.group_sum', args: { share: group.share, sum } };
  };

const WeightsRow = ({ groups, track }: { groups: ScoringGroup[]; track: Named }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const groupProblems = useServerErrors([`settings.weights.${track.key}`]);
  return (
    <Box data-testid={`weights-${track.key}`} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2">{localized(track)}</Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
        {groups.map((group) => (
          <Box key={group.key} sx={{ display: 'flex', columnGap: 1, alignItems: 'flex-start' }}>
            <Typography variant="body2" color="text.secondary" sx={{ pt: 2, minWidth: '6rem' }}>
              {translate('app.settings.group', { name: localized(group), share: group.share })}
            </Typography>
            {group.dimensions.map((dim, i) => (
              <NumberInput
                key={dim.key}
                source={`settings.weights.${track.key}.${dim.key}`}
                label={localized(dim)}
                fullWidth={false}
                sx={{ width: '9rem' }}
                min={0}
                max={100}
                step={1}
                helperText={false}
                validate={[required(), minValue(0), maxValue(100), wholeNumber, ...(i === group.dimensions.length - 1 ? [groupShare(track.key, group)] : [])]}
              />
            ))}
          </Box>
        ))}
      </Box>
      {groupProblems.map((message, i) => (
        <Typography key={i} variant="body2" color="error" data-testid={`weights-problem-${track.key}`}>
          {message}
        </Typography>
      ))}
    </Box>
  );
};

const Inputs = ({ programme }: SettingsProps<'staged_award'>) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate('app.settings.weights_helper')}
      </Typography>
      {programme.tracks.map((track) => (
        <WeightsRow key={track.key} groups={programme.scoring.groups} track={track} />
      ))}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 2, mt: 2 }}>
        <NumberInput
          source="settings.awardThreshold"
          label="app.settings.awardThreshold"
          validate={[required(), minValue(0.01), maxValue(100)]}
          fullWidth={false}
          helperText="app.settings.awardThreshold_helper"
        />
        <DurationChoice
          source="settings.titleValidity"
          label="app.settings.titleValidity"
          validate={[required()]}
          helperText="app.settings.titleValidity_helper"
        />
        <NumberInput
          source="settings.publicityDays"
          label="app.settings.publicityDays"
          validate={[required(), minValue(1), maxValue(60), wholeNumber]}
          fullWidth={false}
        />
        <NumberInput
          source="settings.maxRectificationRounds"
          label="app.settings.maxRectificationRounds"
          validate={[required(), minValue(1), maxValue(5), wholeNumber]}
          fullWidth={false}
        />
        <NumberInput
          source="settings.verificationDays"
          label="app.settings.verificationDays"
          validate={[required(), minValue(1), maxValue(60), wholeNumber]}
          fullWidth={false}
        />
      </Box>
      {/* 四、（四）: five groups score a case, each its own dimension; off, one person scores one. */}
      <CheckboxInput source="settings.multiDimensionScorers" label="app.settings.multiDimensionScorers" />
      {/* 四、工作要求（三）: 红黑榜定期公示, every so many months from the year's start (README "Scheduled red and black lists"). */}
      <SelectInput
        source="settings.rosterPeriodMonths"
        label="app.settings.rosterPeriodMonths"
        choices={[1, 2, 3, 4, 6, 12].map((m) => ({ id: m, name: `app.settings.rosterPeriod.${m}` }))}
        emptyText="app.settings.rosterPeriod.none"
        parse={(v: unknown) => (v === '' || v == null ? null : Number(v))}
        helperText="app.settings.rosterPeriodMonths_helper"
        fullWidth={false}
        sx={{ minWidth: '14rem' }}
      />
      {/* 四、（三）集中治理 as 双随机、一公开: a share of the cases, two inspectors each (README "Random inspections"). */}
      <CheckboxInput source="settings.randomInspection.enabled" label="app.settings.randomInspection" />
      <FormDataConsumer>
        {({ formData }) =>
          (formData as { settings?: { randomInspection?: { enabled?: boolean } } }).settings?.randomInspection?.enabled ? (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}>
              <NumberInput
                source="settings.randomInspection.sharePercent"
                label="app.settings.randomSharePercent"
                defaultValue={20}
                validate={[required(), minValue(1), maxValue(100), wholeNumber]}
                fullWidth={false}
              />
              <CheckboxInput source="settings.randomInspection.avoidOwnStation" label="app.settings.randomAvoidOwnStation" />
            </Box>
          ) : null
        }
      </FormDataConsumer>
    </>
  );
};

/** The form's 双随机 inputs → the setting: null (every case inspected) unless ticked. A carried-over setting has no `enabled`. */
function randomInspectionOf(v: unknown): { sharePercent: number; avoidOwnStation: boolean } | null {
  const r = v as { enabled?: boolean; sharePercent?: unknown; avoidOwnStation?: unknown } | null | undefined;
  if (!r || r.enabled === false) return null;
  return { sharePercent: num(r.sharePercent) ?? 20, avoidOwnStation: r.avoidOwnStation === true };
}

export const stagedAwardSettings: KindSettings<'staged_award'> = {
  Inputs,
  toBody: (s, programme) => {
    const weights = (s.weights ?? {}) as Record<string, Record<string, unknown>>;
    const dimensions = programme.scoring.groups.flatMap((g) => g.dimensions.map((d) => d.key));
    return {
      weights: Object.fromEntries(
        programme.tracks.map((t) => [
          t.key,
          Object.fromEntries(dimensions.flatMap((d) => (num(weights[t.key]?.[d]) === undefined ? [] : [[d, num(weights[t.key]?.[d])!]]))),
        ]),
      ),
      awardThreshold: num(s.awardThreshold),
      titleValidity: typeof s.titleValidity === 'string' && s.titleValidity ? s.titleValidity : undefined,
      publicityDays: num(s.publicityDays),
      maxRectificationRounds: num(s.maxRectificationRounds),
      verificationDays: num(s.verificationDays),
      multiDimensionScorers: typeof s.multiDimensionScorers === 'boolean' ? s.multiDimensionScorers : undefined,
      randomInspection: randomInspectionOf(s.randomInspection),
      rosterPeriodMonths: num(s.rosterPeriodMonths) ?? null,
    };
  },
  inputPaths: [
    /^settings\.weights\.[^.]+\.[^.]+$/,
    /^settings\.(awardThreshold|titleValidity|publicityDays|maxRectificationRounds|verificationDays|multiDimensionScorers|rosterPeriodMonths)$/,
    /^settings\.randomInspection\.(sharePercent|avoidOwnStation)$/,
  ],
};
