import { useEffect, useState } from 'react';
import { Box, FormHelperText, MenuItem, TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import { formatDuration } from './duration';

// A setting that is an ISO 8601 duration (a title's validity "P1Y", a pre-review period "P10D") entered
// as a whole number and a unit. The form value stays the ISO text the API takes, so the API's error for
// the setting (path settings.<field>) lands on this input.

export type DurationUnit = 'D' | 'M' | 'Y' | 'H';
const DEFAULT_UNITS: DurationUnit[] = ['D', 'M', 'Y'];

/** "P10D" → 10 天; "P1Y" → 1 年; "P2W" → 14 天; "PT6H" → 6 小时; a mixed one ("P1Y6M") → undefined. */
export const splitDuration = (iso: unknown): { amount: number; unit: DurationUnit } | undefined => {
  if (typeof iso !== 'string') return undefined;
  const date = /^P(\d+)([YMDW])$/.exec(iso);
  if (date) {
    const n = Number(date[1]);
    return date[2] === 'W' ? { amount: n * 7, unit: 'D' } : { amount: n, unit: date[2] as DurationUnit };
  }
  const hours = /^PT(\d+)H$/.exec(iso);
  return hours ? { amount: Number(hours[1]), unit: 'H' } : undefined;
};

export const joinDuration = (amount: string, unit: DurationUnit) => (unit === 'H' ? `PT${amount}H` : `P${amount}${unit}`);

/** A whole number of at least one of its unit (an empty amount is required()'s to report). */
const positiveWhole: Validator = (value) =>
  typeof value === 'string' && value !== '' && !/^PT?[1-9]\d*[YMDH]$/.test(value) ? 'app.settings.duration_invalid' : undefined;

export const DurationInput = ({
  source,
  label,
  helperText,
  units = DEFAULT_UNITS,
  validate = [],
}: {
  source: string;
  label: string;
  helperText?: string;
  /** The units offered: days, months, years (hours where the setting allows less than a day). */
  units?: DurationUnit[];
  validate?: Validator[];
}) => {
  const translate = useTranslate();
  const { field, fieldState, id, isRequired } = useInput({ source, validate: [...validate, positiveWhole] });
  const value = typeof field.value === 'string' ? field.value : '';
  const split = splitDuration(value);
  // What is typed (a blank or half-typed amount), kept until the value changes from outside (a reset).
  const [draft, setDraft] = useState(() => ({
    amount: split ? String(split.amount) : '',
    unit: split?.unit ?? units[0]!,
  }));
  useEffect(() => {
    if (value === '' || value === joinDuration(draft.amount, draft.unit)) return;
    const next = splitDuration(value);
    setDraft(next ? { amount: String(next.amount), unit: next.unit } : { amount: '', unit: draft.unit });
    // Only an outside change of the value re-reads it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const change = (amount: string, unit: DurationUnit) => {
    setDraft({ amount, unit });
    field.onChange(amount.trim() === '' ? '' : joinDuration(amount.trim(), unit));
  };
  // A value a unit cannot express (a test's "PT4S", "P1Y6M") is kept until a new one is entered.
  const unusual = value !== '' && !split;
  const offered = units.includes(draft.unit) ? units : [...units, draft.unit];
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Box data-testid={`duration-${source}`} data-value={value} sx={{ display: 'inline-flex', flexDirection: 'column', mr: 2, mb: 1 }}>
      <Box sx={{ display: 'flex', columnGap: 1 }}>
        <TextField
          id={id}
          label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
          type="number"
          value={draft.amount}
          onChange={(e) => change(e.target.value, draft.unit)}
          onBlur={field.onBlur}
          error={!!error}
          fullWidth={false}
          sx={{ width: '9rem' }}
          slotProps={{
            htmlInput: {
              min: 1,
              step: 1,
              'aria-describedby': `${id}-helper-text`,
              'data-testid': `duration-amount-${source}`,
            },
          }}
        />
        <TextField
          select
          label={translate('app.settings.unit_label')}
          value={draft.unit}
          onChange={(e) => change(draft.amount, e.target.value as DurationUnit)}
          fullWidth={false}
          sx={{ width: '6rem' }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': `duration-unit-${source}` } as object } }}
        >
          {offered.map((u) => (
            <MenuItem key={u} value={u} data-value={u}>
              {translate(`app.settings.unit.${u}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <FormHelperText id={`${id}-helper-text`} error={!!error} component="div" sx={{ mx: 1.75 }}>
        {unusual ? (
          translate('app.settings.duration_unusual', { value: formatDuration(value, translate) })
        ) : (
          <InputHelperText error={error} helperText={helperText} />
        )}
      </FormHelperText>
    </Box>
  );
};
