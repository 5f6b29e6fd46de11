import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useTranslate, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { DurationInput, type DurationUnit } from '../../common/DurationInput';
import { formatDuration } from '../../common/duration';

/** The usual periods of each setting, longest first (the notices' own: 长兴 三、 "有效期为一年", 丽江附件1 第15、18条). */
export const DURATION_PRESETS: Record<string, string[]> = {
  'settings.titleValidity': ['P3Y', 'P2Y', 'P1Y', 'P6M', 'P3M'],
  'settings.preReviewPeriod': ['P1M', 'P15D', 'P10D', 'P7D'],
  'settings.scoringPeriod': ['P1Y', 'P6M', 'P3M', 'P1M', 'P7D'],
  'settings.filingPeriod': ['P1M', 'P15D', 'P10D', 'P7D'],
};

const OTHER = 'other';

/**
 * A period chosen from a list in words (1 年, 6 个月, 3 个月 …); 其他 shows an amount and a unit beside it
 * to set any other. The form's value stays the ISO 8601 text the API takes (the API's error for the
 * setting lands on the amount's input).
 */
export const DurationChoice = ({
  source,
  label,
  helperText,
  units,
  validate,
}: {
  source: string;
  label: string;
  helperText?: string;
  units?: DurationUnit[];
  validate?: Validator[];
}) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const value = useWatch({ name: source }) as unknown;
  const presets = DURATION_PRESETS[source] ?? [];
  const isPreset = typeof value === 'string' && presets.includes(value);
  // 其他 chosen (or a value not in the list, a test's "PT4S"): the amount and unit are shown to set it.
  const [custom, setCustom] = useState(!isPreset);
  const chosen = custom || !isPreset ? OTHER : (value as string);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'flex-start', columnGap: 8 }}>
      <TextField
        select
        label={translate(label)}
        value={chosen}
        onChange={(e) => {
          setCustom(e.target.value === OTHER);
          if (e.target.value !== OTHER) setValue(source, e.target.value, { shouldDirty: true, shouldValidate: true });
        }}
        sx={{ width: '10rem' }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': `duration-choice-${source}` } as object } }}
      >
        {presets.map((p) => (
          <MenuItem key={p} value={p} data-value={p}>
            {formatDuration(p, translate)}
          </MenuItem>
        ))}
        <MenuItem value={OTHER}>{translate('app.settings.duration_other')}</MenuItem>
      </TextField>
      {chosen === OTHER && <DurationInput source={source} label={label} helperText={helperText} units={units} validate={validate} />}
    </span>
  );
};
