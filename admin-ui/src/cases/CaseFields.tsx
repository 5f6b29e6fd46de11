// Fields of a case's outcome: current step in words, total score (computed by the API from the
// parts, never typed in), whether it is proposed for the title, and why it was excluded.
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useSeesIds } from '../audit-events/fields';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormatDate, type CustomFieldProps } from '../common/fields';
import { formatScore, weighted } from '../common/scores';
import type { Case } from '../types';
import { TASK_TYPES } from '../choices';
import { NARROW_BREAKPOINT } from '../layout/responsive';

/**
 * A Shanghai calendar day as the API writes it (2024-08-20, domain/time.ts shanghaiDate) in the console's
 * one date format, like every other date; anything else as it is.
 */
export const useFormatDay = () => {
  const formatDate = useFormatDate();
  return (day: string | null | undefined) => (day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(`${day}T00:00:00+08:00`, false) : (day ?? ''));
};

/** "inspection:open", "rectifying:2024-08-20", "excluded:filed"… as words. */
export const useStepLabel = () => {
  const translate = useTranslate();
  const formatDay = useFormatDay();
  return (step?: string | null): string => {
    if (!step) return '';
    const [head = '', ...rest] = step.split(':');
    const tail = rest.join(':');
    if (TASK_TYPES.includes(head) && tail) {
      const type = translate(`app.task.type.${head}`, { _: head });
      return translate(`app.case.step.task_${tail}`, { _: `${type} ${tail}`, type });
    }
    if (head === 'rectifying') return translate('app.case.step.rectifying', { date: formatDay(tail) });
    if (head === 'excluded') {
      return translate('app.case.step.excluded', {
        kind: translate(`app.case.excluded.${tail}`, { _: tail }),
      });
    }
    return translate(`app.case.step.${step.replace(':', '_')}`, { _: step });
  };
};

export const CurrentStepField = ({ source }: CustomFieldProps) => {
  const record = useRecordContext<Case>();
  const label = useStepLabel();
  const seesIds = useSeesIds();
  const step = record?.[source as keyof Case] as string | null | undefined;
  if (!step) return null;
  // The step's code as a tooltip for an admin only (README "The console's words").
  return (
    <Typography component="span" variant="body2" title={seesIds ? step : undefined}>
      {label(step)}
    </Typography>
  );
};

/** The weighted total, two decimals, truncated (84.995 stays below 85). */
export const TotalScoreField = (_props: CustomFieldProps) => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  if (record?.totalScore == null) {
    return (
      <Typography component="span" variant="body2" color="text.secondary" data-testid="case-total-pending">
        {translate('app.case.not_scored')}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body1" sx={{ fontWeight: 'bold' }} data-testid="case-total">
      {formatScore(record.totalScore)}
    </Typography>
  );
};

export const ProposedField = (_props: CustomFieldProps) => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  if (!record || (record.totalScore == null && !record.proposed)) return null;
  return (
    <Chip
      size="small"
      data-testid="case-proposed"
      color={record.proposed ? 'success' : 'default'}
      label={translate(record.proposed ? 'app.case.proposed_yes' : 'app.case.proposed_no')}
    />
  );
};

/** Out of the award: filed, rectification failed or objection upheld, with the reason. */
export const ExcludedField = (_props: CustomFieldProps) => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  if (!record?.excludedKind) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="case-excluded">
      <Chip size="small" color="error" label={translate(`app.case.excluded.${record.excludedKind}`, { _: record.excludedKind })} />
      {record.excludedReason && (
        <Typography component="span" variant="body2">
          {record.excludedReason}
        </Typography>
      )}
    </Stack>
  );
};

/** The five parts of the total: each dimension's score, its weight and what it adds to the total. */
export const ScoreParts = () => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.scoreParts?.length) {
    return <Typography color="text.secondary">{translate('app.case.parts_pending')}</Typography>;
  }
  return (
    // Four narrow columns fit a phone once the cells' margins are narrower.
    <Table
      size="small"
      data-testid="score-parts"
      sx={(theme) => ({ maxWidth: '48rem', [theme.breakpoints.down(NARROW_BREAKPOINT)]: { '& .MuiTableCell-root': { px: 1 } } })}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.score.dimension')}</TableCell>
          <TableCell align="right">{translate('app.score.score')}</TableCell>
          <TableCell align="right">{translate('app.score.weight')}</TableCell>
          <TableCell align="right">{translate('app.score.weighted')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.scoreParts.map((part) => (
          <TableRow key={part.dimension} data-testid={`score-part-${part.dimension}`}>
            <TableCell>{part.name}</TableCell>
            <TableCell align="right">{formatScore(part.score)}</TableCell>
            <TableCell align="right">{part.weight}%</TableCell>
            <TableCell align="right">{formatScore(weighted(part.score, part.weight))}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell sx={{ fontWeight: 'bold' }}>{translate('app.case.total')}</TableCell>
          <TableCell />
          <TableCell align="right">{record.scoreParts.reduce((sum, part) => sum + part.weight, 0)}%</TableCell>
          <TableCell align="right" sx={{ fontWeight: 'bold' }}>
            {formatScore(record.totalScore)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};
