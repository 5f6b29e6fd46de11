import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import { formatScore } from '../common/scores';
import type { CodedReason, IntakeBatch, RegisterEntry } from '../types';

/** A reason of the API in the UI language. */
export const useReasonText = () => {
  const [locale] = useLocaleState();
  return (reason: CodedReason) => (locale === 'en' ? reason.en || reason.zh : reason.zh || reason.en);
};

/** The priority as a number, its reasons in a tooltip (老字号 +2, 7×12 +1…). */
export const PriorityField = (_props: CustomFieldProps) => {
  const entry = useRecordContext<RegisterEntry>();
  const reasonText = useReasonText();
  const translate = useTranslate();
  if (!entry) return null;
  const reasons = entry.priorityReasons ?? [];
  const chip = (
    <Chip
      size="small"
      data-testid="priority"
      color={entry.priority > 0 ? 'secondary' : 'default'}
      variant={entry.priority > 0 ? 'filled' : 'outlined'}
      label={entry.priority}
    />
  );
  return (
    <Tooltip
      title={
        reasons.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {reasons.map((r) => (
              <li key={r.code}>{reasonText(r)}</li>
            ))}
          </Box>
        ) : (
          translate('app.register.no_priority')
        )
      }
    >
      {chip}
    </Tooltip>
  );
};

/** Reasons (priority reasons, flags, removal reasons) as chips. */
export const ReasonChips = ({
  reasons,
  color = 'default',
  empty = 'app.common.none',
  testId,
}: {
  reasons?: CodedReason[] | null;
  color?: 'default' | 'secondary' | 'warning' | 'error' | 'info';
  empty?: string;
  testId?: string;
}) => {
  const reasonText = useReasonText();
  const translate = useTranslate();
  if (!reasons?.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        {translate(empty)}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid={testId}>
      {reasons.map((r) => (
        <Chip key={r.code} size="small" color={color} label={reasonText(r)} data-code={r.code} />
      ))}
    </Stack>
  );
};

/** 第 N 批 */
export const BatchSeqField = ({ source = 'batchSeq' }: Partial<CustomFieldProps>) => {
  const record = useRecordContext<RegisterEntry | IntakeBatch>();
  const translate = useTranslate();
  const seq = record ? (record as unknown as Record<string, unknown>)[source] : null;
  if (seq == null) return null;
  return (
    <Typography component="span" variant="body2">
      {translate('app.batch.seq', { seq })}
    </Typography>
  );
};

/** The last dynamic score, with a warning chip while a removal is proposed. */
export const LastScoreField = (_props: CustomFieldProps) => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography component="span" variant="body2">
        {formatScore(entry.lastScore)}
      </Typography>
      {entry.removalProposed && <Chip size="small" color="warning" label={translate('app.register.removal_proposed')} />}
    </Stack>
  );
};

/** A day (YYYY-MM-DD) or an instant (ISO or epoch ms) as the Shanghai calendar day. */
export const dayOf = (value: string | number | null | undefined): string => {
  if (value == null || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
};

/** 备案日期: the filing date, else the day it was filed. */
export const FiledDateField = (_props: CustomFieldProps) => {
  const entry = useRecordContext<RegisterEntry>();
  if (!entry) return null;
  return (
    <Typography component="span" variant="body2">
      {entry.filingDate ?? dayOf(entry.filedAt)}
    </Typography>
  );
};

/** A date given as epoch milliseconds or ISO (the batch's review deadline). */
export const DayField = ({ source }: CustomFieldProps) => {
  const record = useRecordContext();
  const value = record?.[source] as string | number | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {dayOf(value)}
    </Typography>
  );
};
