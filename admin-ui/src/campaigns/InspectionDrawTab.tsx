import { useState } from 'react';
import CasinoIcon from '@mui/icons-material/Casino';
import { Alert, Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { InfoTable } from '../common/InfoTable';
import { Section } from '../common/Section';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { canRunCampaigns } from '../permissions';
import type { Campaign, Role } from '../types';

// 双随机抽查 (changxing 四、（三）集中治理 as 双随机、一公开; README "Random inspections"): the campaign's setting,
// the draw (once, with a seed anyone can announce beforehand), and what it chose: the cases and their two
// inspectors, with the seed and method that reproduce it.

const DrawButton = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [seed, setSeed] = useState('');
  const draw = useActionMutation(() => dataProvider.drawInspections(campaign.id, seed.trim() || undefined), 'app.inspectionDraw.drawn');
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <TextField
        size="small"
        label={translate('app.inspectionDraw.seed')}
        helperText={translate('app.inspectionDraw.seed_helper')}
        value={seed}
        onChange={(e) => setSeed(e.target.value)}
        inputProps={{ 'data-testid': 'inspection-seed', maxLength: 64 }}
      />
      <Button label="app.inspectionDraw.draw" variant="contained" data-testid="inspection-draw" onClick={() => setOpen(true)} disabled={draw.isPending}>
        <CasinoIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={draw.isPending}
        title="app.inspectionDraw.draw"
        content={translate('app.inspectionDraw.draw_confirm')}
        onConfirm={() => draw.mutate(undefined, { onSettled: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
};

export const InspectionDrawTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['campaigns', 'inspection-draw', campaign?.id],
    queryFn: () => dataProvider.inspectionDraw(campaign!.id),
    enabled: !!campaign,
  });
  if (!campaign || !data) return error ? <Alert severity="error">{(error as Error).message}</Alert> : null;
  if (!data.settings) return <Alert severity="info">{translate('app.inspectionDraw.not_set')}</Alert>;
  const d = data.draw;
  return (
    <Stack spacing={3} data-testid="inspection-draw-tab">
      <Alert severity="info">
        {translate('app.inspectionDraw.rule', { share: data.settings.sharePercent })}
        {data.settings.avoidOwnStation ? translate('app.inspectionDraw.avoid') : ''}
      </Alert>
      {!d &&
        (canRunCampaigns(permissions) ? (
          <DrawButton campaign={campaign} />
        ) : (
          <Typography color="text.secondary">{translate('app.inspectionDraw.not_drawn')}</Typography>
        ))}
      {d && (
        <>
          <Section title="app.inspectionDraw.record">
            <InfoTable
              rows={[
                ['app.inspectionDraw.seed', <span data-testid="inspection-draw-seed">{d.seed}</span>],
                ['app.inspectionDraw.method', translate('app.inspectionDraw.method_text')],
                ['app.inspectionDraw.counts_label', translate('app.inspectionDraw.counts', { drawn: d.drawn.length, cases: d.cases, pool: d.pool })],
                ['app.inspectionDraw.by', `${d.drawnByName} · ${formatDateTime(d.drawnAt)}`],
                [
                  'app.inspectionDraw.roster',
                  <Link href={`#/rosters/${encodeURIComponent(d.rosterId)}/show`}>{translate('app.inspectionDraw.roster_link')}</Link>,
                ],
              ]}
            />
          </Section>
          <Section title="app.inspectionDraw.drawn_cases">
            <Table size="small" data-testid="inspection-drawn">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.inspectionDraw.operator')}</TableCell>
                  <TableCell>{translate('app.inspectionDraw.station')}</TableCell>
                  <TableCell>{translate('app.inspectionDraw.inspectors')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.drawn.map((c) => (
                  <TableRow key={c.caseId}>
                    <TableCell>
                      <Link href={`#/cases/${encodeURIComponent(c.caseId)}/show`}>{c.operatorName}</Link>
                    </TableCell>
                    <TableCell>{c.jurisdictionName}</TableCell>
                    <TableCell>{c.inspectors.map((i) => i.displayName).join('、')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Box sx={{ mt: 1 }}>
              <Typography variant="body2" color="text.secondary">
                {translate('app.inspectionDraw.not_drawn_count', { smart_count: d.notDrawn })}
              </Typography>
            </Box>
          </Section>
        </>
      )}
    </Stack>
  );
};
