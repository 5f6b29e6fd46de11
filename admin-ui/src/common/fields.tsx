// Small field components shared by the resources. Each takes `source` so that Datagrid and
// SimpleShowLayout can derive the column header / label from resources.<name>.fields.<source>.
import type { ReactNode } from 'react';
import { Chip, Typography, type ChipProps } from '@mui/material';
import { DateField, useFieldValue, useLocaleState, useTranslate } from 'react-admin';
import { TIME_ZONE } from './dates';
import { useProgrammeName, useStageName } from './programmes';

export interface CustomFieldProps {
  source: string;
  label?: ReactNode;
  sortable?: boolean;
}

const Text = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/** An enum value shown through its translation `<prefix>.<value>` (raw value if unknown). */
export const EnumField = ({ source, prefix }: CustomFieldProps & { prefix: string }) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return <Text>{translate(`${prefix}.${value}`, { _: String(value) })}</Text>;
};

/** Like EnumField, as a coloured chip. */
export const EnumChipField = ({ source, prefix, colors = {} }: CustomFieldProps & { prefix: string; colors?: Record<string, ChipProps['color']> }) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return <Chip size="small" color={colors[String(value)] ?? 'default'} label={translate(`${prefix}.${value}`, { _: String(value) })} />;
};

const dateOptions: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
};
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  ...dateOptions,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');

/** A date (and by default time) shown in Asia/Shanghai, formatted for the UI language. */
export const DateTimeField = ({ source, showTime = true }: CustomFieldProps & { showTime?: boolean }) => {
  const [locale] = useLocaleState();
  return <DateField source={source} showTime={showTime} locales={intlLocale(locale)} options={showTime ? dateTimeOptions : dateOptions} />;
};

export const useFormatDate = () => {
  const [locale] = useLocaleState();
  return (instant: string | null | undefined, showTime = true) =>
    instant ? new Date(instant).toLocaleString(intlLocale(locale), showTime ? dateTimeOptions : dateOptions) : '';
};

export const OverdueChip = () => {
  const translate = useTranslate();
  return <Chip size="small" color="error" label={translate('app.task.overdue')} />;
};

/** A red "overdue" chip when the boolean field is true, nothing otherwise. */
export const OverdueField = ({ source }: CustomFieldProps) => (useFieldValue({ source }) ? <OverdueChip /> : null);

/** A stage key shown as the stage's name. */
export const StageField = ({ source }: CustomFieldProps) => {
  const key = useFieldValue({ source });
  const stageName = useStageName();
  return key ? <Text>{stageName(String(key))}</Text> : null;
};

/** A programme id shown as the programme's name. */
export const ProgrammeField = ({ source }: CustomFieldProps) => {
  const id = useFieldValue({ source });
  const programmeName = useProgrammeName();
  return id ? <Text>{programmeName(String(id))}</Text> : null;
};

/** Free-form JSON (audit data, unknown task results), pretty-printed. */
export const JsonField = ({ source }: CustomFieldProps) => {
  const value = useFieldValue({ source });
  if (value == null) return null;
  return <JsonBlock value={value} />;
};

export const JsonBlock = ({ value }: { value: unknown }) => (
  <Typography component="pre" variant="body2" sx={{ m: 0, fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
    {JSON.stringify(value, null, 2)}
  </Typography>
);
