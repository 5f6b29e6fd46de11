import { useState } from 'react';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Toolbar, useSaveContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import { API_URL, httpClient, problemOf, type Problem } from '../httpClient';
import type { CampaignBody } from '../types';

/** POST /api/campaigns/launch-preview: what the launch would do (nothing is changed by asking). */
export interface LaunchPreview {
  name: string;
  year: number;
  jurisdictionName: string;
  stages: { key: string; name: string; nameEn?: string | null; startsAt: string; dueAt: string }[];
  byApplication: boolean;
  operators: number;
  operatorsByJurisdiction: { jurisdictionId: string; name: string; count: number }[];
}

/**
 * The launch form's toolbar: 启动 asks the API what the launch would do (the same checks as the launch,
 * changing nothing) and shows it for confirmation — the calendar stage by stage and how many operators
 * are enrolled, per jurisdiction — before anything starts; a refusal lists its reasons above the form.
 */
export const LaunchToolbar = ({
  toBody,
  onProblem,
  inputErrorsOf,
}: {
  toBody: (values: Record<string, unknown>) => CampaignBody;
  onProblem: (p: Problem | null) => void;
  /** The refusal's problems that go under an input, by path. */
  inputErrorsOf: (error: unknown) => Record<string, string>;
}) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  const { trigger, getValues, setError } = useFormContext();
  const { save, saving } = useSaveContext();
  const [preview, setPreview] = useState<LaunchPreview | null>(null);
  const [checking, setChecking] = useState(false);

  const check = async () => {
    if (!(await trigger())) return;
    setChecking(true);
    onProblem(null);
    try {
      const r = await httpClient(`${API_URL}/campaigns/launch-preview`, { method: 'POST', body: JSON.stringify(toBody(getValues())) });
      setPreview(r.json as LaunchPreview);
    } catch (e) {
      // Shown once, above the form with every reason (no toast over it), and each under its input.
      onProblem(problemOf(e));
      for (const [path, message] of Object.entries(inputErrorsOf(e))) setError(path, { type: 'server', message });
    } finally {
      setChecking(false);
    }
  };
  const confirm = () => {
    setPreview(null);
    void save?.(getValues());
  };
  // A compressed calendar (a test's, minutes long) needs the time of day.
  const showTime = !!preview && preview.stages.some((s) => Date.parse(s.dueAt) - Date.parse(s.startsAt) < 86_400_000);

  return (
    <Toolbar>
      <Button variant="contained" startIcon={<RocketLaunchIcon />} onClick={check} disabled={checking || saving} data-testid="launch-button">
        {translate(checking ? 'app.launch.checking' : 'app.launch.button')}
      </Button>
      <Dialog open={!!preview} onClose={() => setPreview(null)} maxWidth="sm" fullWidth data-testid="launch-confirm-dialog">
        {preview && (
          <>
            <DialogTitle>{translate('app.launch.confirm_title', { name: preview.name })}</DialogTitle>
            <DialogContent>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.launch.where', { jurisdiction: preview.jurisdictionName, year: preview.year })}
              </Typography>
              <Typography variant="subtitle2">{translate('app.launch.calendar')}</Typography>
              <Table size="small" data-testid="launch-calendar" sx={{ mb: 2 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.launch.stage')}</TableCell>
                    <TableCell>{translate('app.launch.starts')}</TableCell>
                    <TableCell>{translate('app.launch.due')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.stages.map((s) => (
                    <TableRow key={s.key} data-stage={s.key}>
                      <TableCell>{localized(s)}</TableCell>
                      <TableCell>{formatDate(s.startsAt, showTime)}</TableCell>
                      <TableCell>{formatDate(s.dueAt, showTime)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Box data-testid="launch-operators" data-count={preview.operators}>
                {preview.byApplication ? (
                  <Typography variant="body1">{translate('app.launch.by_application')}</Typography>
                ) : (
                  <>
                    <Typography variant="body1" sx={{ fontWeight: 500 }}>
                      {translate('app.launch.operators', { smart_count: preview.operators })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {preview.operatorsByJurisdiction
                        .map((j) => translate('app.launch.operators_by_jurisdiction', { name: j.name, smart_count: j.count }))
                        .join('，')}
                    </Typography>
                  </>
                )}
              </Box>
              <Alert severity="info" sx={{ mt: 2 }}>
                {translate('app.launch.irreversible')}
              </Alert>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setPreview(null)}>{translate('app.launch.cancel')}</Button>
              <Button variant="contained" onClick={confirm} data-testid="launch-confirm" startIcon={<RocketLaunchIcon />}>
                {translate('app.launch.confirm')}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </Toolbar>
  );
};
