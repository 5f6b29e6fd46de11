import { Alert, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLocalizedName } from '../common/useLocalizedName';
import { problemOf } from '../httpClient';
import type { ExtensionPreview } from './extensionApi';

const span = (d: { startsAt: string; dueAt: string }) => `${shanghaiDay(d.startsAt)} – ${shanghaiDay(d.dueAt)}`;

/**
 * The calendar an extension gives, old → new per stage, shown in the extend dialog before its confirm
 * button; or why the API would refuse it (a pinned date: the latest deadline allowed).
 *
 * Test ids: `extension-preview`, a row `extension-preview-<key>` (data-moved), `extension-preview-problem`.
 */
export const ExtensionPreviewTable = ({ preview, loading, error }: { preview?: ExtensionPreview; loading: boolean; error: unknown }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  if (loading) return <LinearProgress />;
  if (error) return <ProblemAlert problem={problemOf(error)} testId="extension-preview-problem" />;
  if (!preview) return null;
  const days = Math.round((preview.shiftMs / 86_400_000) * 10) / 10;
  return (
    <Stack spacing={1} data-testid="extension-preview">
      <Typography variant="subtitle2">{translate('app.stage.preview_title')}</Typography>
      <Alert severity={days ? 'warning' : 'info'}>{days ? translate('app.stage.preview_shift', { days }) : translate('app.stage.preview_no_shift')}</Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.stage.name')}</TableCell>
            <TableCell>{translate('app.stage.preview_before')}</TableCell>
            <TableCell>{translate('app.stage.preview_after')}</TableCell>
            <TableCell align="right">{translate('app.stage.preview_tasks')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.stages.map((s) => (
            <TableRow
              key={s.key}
              data-testid={`extension-preview-${s.key}`}
              data-moved={s.moved}
              sx={s.moved ? { '& td': { fontWeight: 'bold' } } : { '& td': { color: 'text.secondary' } }}
            >
              <TableCell>{localized(s)}</TableCell>
              <TableCell>{span(s.from)}</TableCell>
              <TableCell>{s.moved ? `→ ${span(s.to)}` : span(s.to)}</TableCell>
              <TableCell align="right">{s.moved ? s.openTasks : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};
