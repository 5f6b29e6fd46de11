import { useMemo, useState } from 'react';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, required, SaveButton, TextInput, useDataProvider, useNotify, usePermissions, useTranslate, type Validator } from 'react-admin';
import { formatDuration } from '../common/duration';
import { useFormatDate } from '../common/fields';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatScore } from '../common/scores';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage, problemOf, type Problem } from '../httpClient';
import { canRunScoring, canSetScoringPeriod } from '../permissions';
import type { Role } from '../types';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const isoDuration: Validator = (value) => (value && !ISO_DURATION.test(String(value).trim()) ? 'app.scoring.period_invalid' : undefined);

const useScoring = (campaignId: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    // Under the campaign's key so react-admin's refresh reloads it with the page.
    queryKey: ['campaigns', 'register-scoring', campaignId],
    queryFn: () => dataProvider.registerScoring(campaignId),
  });
};

/**
 * 动态评分 (丽江附件1 第15、16条): how often admitted entries are scored from their recorded figures
 * (the centre sets the period), a run now, and the last runs with the register averages.
 */
export const ScoringPanel = ({ campaignId }: { campaignId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { permissions } = usePermissions<Role>();
  const { data, error, isPending } = useScoring(campaignId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [running, setRunning] = useState(false);
  const runs = Array.isArray(data?.runs) ? data.runs : (data?.lastRuns ?? []);
  const record = useMemo(() => ({ id: `scoring-${campaignId}`, period: data?.period ?? '' }), [campaignId, data?.period]);
  const reload = () => queryClient.invalidateQueries({ queryKey: ['campaigns', 'register-scoring', campaignId] });

  const savePeriod = async (values: { period?: string }) => {
    setProblem(null);
    try {
      await dataProvider.setRegisterScoringPeriod(campaignId, String(values.period ?? '').trim());
      notify('app.scoring.period_saved', { type: 'success' });
      await reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
    return undefined;
  };
  const runNow = async () => {
    setRunning(true);
    setProblem(null);
    try {
      const run = await dataProvider.runRegisterScoring(campaignId);
      notify('app.scoring.ran', {
        type: 'success',
        messageArgs: { scored: run.scored, proposed: run.proposed },
      });
      await reload();
    } catch (e) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card variant="outlined" data-testid="scoring-panel">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.scoring.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.scoring.helper')}
        </Typography>
        {error ? (
          <Alert severity="error">{errorMessage(error)}</Alert>
        ) : isPending || !data ? (
          <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2" data-testid="scoring-period">
              {translate('app.scoring.current', {
                period: formatDuration(data.period, translate),
                next: data.nextRunAt != null ? formatDate(new Date(data.nextRunAt).toISOString()) : '—',
              })}
            </Typography>
            {canSetScoringPeriod(permissions) && (
              <Form record={record} onSubmit={savePeriod}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                  <TextInput source="period" label="app.scoring.period" helperText="app.scoring.period_helper" validate={[required(), isoDuration]} />
                  <Box sx={{ pt: 1 }}>
                    <SaveButton label="app.scoring.save_period" data-testid="scoring-period-save" />
                  </Box>
                </Stack>
              </Form>
            )}
            {canRunScoring(permissions) && (
              <Box>
                <Button label="app.scoring.run" variant="contained" data-testid="scoring-run" disabled={running} onClick={() => void runNow()}>
                  <PlayArrowIcon />
                </Button>
              </Box>
            )}
            <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
            <Typography variant="subtitle2">{translate('app.scoring.runs')}</Typography>
            {runs.length ? (
              <Table size="small" sx={{ width: 'auto' }} data-testid="scoring-runs">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.scores.period')}</TableCell>
                    <TableCell>{translate('app.scoring.ranAt')}</TableCell>
                    <TableCell align="right">{translate('app.scoring.scored')}</TableCell>
                    <TableCell align="right">{translate('app.scoring.proposed')}</TableCell>
                    <TableCell align="right">{translate('app.scoring.average_product')}</TableCell>
                    <TableCell align="right">{translate('app.scoring.average_influencer')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {runs.map((run) => (
                    <TableRow key={`${run.periodKey}-${run.ranAt}`}>
                      <TableCell>{run.periodKey}</TableCell>
                      <TableCell>{formatDate(run.ranAt)}</TableCell>
                      <TableCell align="right">{run.scored}</TableCell>
                      <TableCell align="right">{run.proposed}</TableCell>
                      <TableCell align="right">{formatScore(run.averages?.product)}</TableCell>
                      <TableCell align="right">{formatScore(run.averages?.influencer)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('app.scoring.no_runs')}
              </Typography>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
