// Small field components shared by the resources. Each takes `source` so that Datagrid and
// SimpleShowLayout can derive the column header / label from resources.<name>.fields.<source>.
import type { ReactNode } from 'react';
import { Chip, Typography, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import { formatDateTime } from './dates';
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

export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');

/** A date (and by default time) in the console's one format, `2026-12-03 16:26` Asia/Shanghai (common/dates.ts). */
export const DateTimeField = ({ source, showTime = true }: CustomFieldProps & { showTime?: boolean }) => {
  const value = useFieldValue({ source });
  if (value == null || value === '') return null;
  return <Text>{formatDateTime(value as string, showTime)}</Text>;
};

/** The same format as a function, for dates outside a record field. */
export const useFormatDate =
  () =>
  (instant: string | number | null | undefined, showTime = true) =>
    formatDateTime(instant, showTime);

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
