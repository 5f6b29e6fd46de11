import { Box, Typography } from '@mui/material';
import { maxValue, minValue, NumberInput, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useServerErrors } from '../../common/ServerErrors';
import type { FormSettings } from './types';

/** A number the coordinator typed (blank: none). */
export const num = (value: unknown): number | undefined => (value === '' || value == null ? undefined : Number(value));

/** A list limit: blank clears the programme's default (the API takes null for that). */
export const limit = (value: unknown): number | null => num(value) ?? null;

/** The numbers of `keys` in a group of the form's values (points per criterion, score weights). */
export const numbers = (values: unknown, keys: string[]): Record<string, number> => {
  const group = (values ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.flatMap((k) => (num(group[k]) === undefined ? [] : [[k, num(group[k])!]])));
};

export const wholeNumber: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.settings.whole_number' : undefined);

/**
 * The settings a form starts from: the programme's defaults with the given ones on top (last year's, for
 * next year's run), object by object so a partial group keeps the other defaults; null (a list limit
 * cleared last year) is kept.
 */
export const mergeSettings = (defaults: object, given?: object | null): FormSettings => {
  const out: FormSettings = structuredClone(defaults) as FormSettings;
  for (const [k, v] of Object.entries(given ?? {})) {
    const d = out[k];
    out[k] = v && typeof v === 'object' && d && typeof d === 'object' ? mergeSettings(d, v) : v === undefined ? d : v;
  }
  return out;
};

/** The API's reasons for a group of inputs (a sum, a rule across fields), under the group. */
export const GroupProblems = ({ path }: { path: string }) => {
  const messages = useServerErrors([path]);
  if (!messages.length) return null;
  return (
    <Typography variant="body2" color="error" data-testid="server-field-error" data-path={path}>
      {messages.join('；')}
    </Typography>
  );
};

/** The live total of a group that must add up to `total` (shown, the API has the last word). */
export const LiveSum = ({ source, keys, total, testId }: { source: string; keys: string[]; total: number; testId: string }) => {
  const translate = useTranslate();
  const values = useWatch({ name: source }) as Record<string, unknown> | undefined;
  const sum = keys.reduce((n, k) => n + (Number(values?.[k]) || 0), 0);
  return (
    <Typography variant="body2" color={sum === total ? 'text.secondary' : 'error'} data-testid={testId} data-sum={sum}>
      {translate('app.settings.sum', { sum, total })}
    </Typography>
  );
};

/** How a list is chosen (择优): a threshold, a quota or both; blank clears one (the API asks for at least one). */
export const ListLimitInputs = ({ what }: { what: 'cultivation' | 'roster' }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
    <NumberInput
      source="settings.listThreshold"
      label={`app.settings.${what}.listThreshold`}
      validate={[minValue(0), maxValue(100)]}
      fullWidth={false}
      helperText="app.settings.list_helper"
    />
    <NumberInput
      source="settings.listQuota"
      label={`app.settings.${what}.listQuota`}
      validate={[minValue(1), wholeNumber]}
      step={1}
      fullWidth={false}
      helperText="app.settings.list_helper"
    />
  </Box>
);

export const LIST_PATHS = [/^settings\.(listThreshold|listQuota)$/];
