import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useLocaleState, useNavigate, useNotify, useParams, useTranslate } from 'react-admin';
import { ProblemAlert } from '../../common/ProblemAlert';
import { formatDateTime, shanghaiDay } from '../../common/dates';
import { problemOf, type Problem } from '../../httpClient';
import { RectificationProofs, type EvidenceFile } from '../../tasks/EvidenceFiles';
import type { PortalCase } from '../api';
import { Pending } from '../MyCasesPage';
import { BackButton } from '../PageParts';
import { caseRectification, handInProof, type RectificationOrder } from './api';
import { EvidenceUpload } from './EvidenceUpload';

const MAX_PROOF_FILES = 20;
const STATE_COLOURS = { open: 'warning', verifying: 'info', passed: 'success', not_passed: 'error' } as const;

/** A deadline as the operator reads it: the day, and the time when the officer set an instant within it. */
const useDeadline = () => (at: number | null) => formatDateTime(at);

/** One order: measure, deadline, what was found, where it stands, and what was handed in. */
const OrderCard = ({ order, caseId }: { order: RectificationOrder; caseId: string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const deadline = useDeadline();
  return (
    <Card variant="outlined" data-testid="portal-rectification-order" data-round={order.round}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 'bold' }}>
            {translate('app.cx_portal.order_round', { round: order.round })}
            {order.measure ? ` · ${translate(`app.cx_portal.measure.${order.measure}`)}` : ''}
          </Typography>
          <Chip
            size="small"
            color={STATE_COLOURS[order.state]}
            label={translate(`app.cx_portal.state.${order.state}`)}
            data-testid="portal-rectification-state"
          />
        </Stack>
        <Typography variant="body1" sx={{ mb: 1 }} data-testid="portal-rectification-deadline">
          {translate('app.cx_portal.deadline', { date: deadline(order.rectifyBy) })}
        </Typography>
        {order.findings.length > 0 && (
          <Box component="ul" sx={{ m: 0, mb: 1, pl: 2.5 }} data-testid="portal-rectification-findings">
            {order.findings.map((f) => (
              <li key={f.key}>
                <Typography variant="body2">
                  <b>{locale === 'en' ? f.nameEn : f.name}</b>
                  {f.description ? `：${f.description}` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        )}
        {order.previousNote && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('app.cx_portal.previous_note', { note: order.previousNote })}
          </Alert>
        )}
        {order.verification && (
          <Alert severity={order.verification.passed ? 'success' : 'error'} sx={{ mb: 1 }}>
            {translate(order.verification.passed ? 'app.cx_portal.state.passed' : 'app.cx_portal.state.not_passed')}
            {order.verification.note ? `：${order.verification.note}` : ''}
          </Alert>
        )}
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('app.cx_portal.your_proofs')}
        </Typography>
        <RectificationProofs proofs={order.proofs} formatDate={(iso) => shanghaiDay(iso)} />
        {order.state === 'open' && (
          <Button
            fullWidth
            variant="contained"
            sx={{ mt: 1.5, minHeight: 48 }}
            onClick={() => navigate(`/cases/${encodeURIComponent(caseId)}/rectification-proof`)}
            data-testid="portal-hand-in-proof"
          >
            {translate('app.cx_portal.hand_in')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
};

/** On a Changxing case page: its rectification orders (限期整改, 长兴方案 四、（三）), none shown when there are none. */
export const RectificationSection = ({ record }: { record: PortalCase }) => {
  const translate = useTranslate();
  const orders = useQuery({
    queryKey: ['portal', 'rectification', record.id],
    queryFn: () => caseRectification(record.id),
    enabled: record.programme === 'changxing',
  });
  if (record.programme !== 'changxing' || !orders.data?.orders.length) return null;
  return (
    <Card data-testid="portal-rectification">
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
          {translate('app.cx_portal.rectification')}
        </Typography>
        <Stack spacing={1}>
          {[...orders.data.orders].reverse().map((o) => (
            <OrderCard key={o.round} order={o} caseId={record.id} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** #/cases/:id/rectification-proof: what was rectified, in words and photos or PDFs, before the deadline. */
export const RectificationProofPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const deadline = useDeadline();
  const orders = useQuery({ queryKey: ['portal', 'rectification', id], queryFn: () => caseRectification(id) });
  const [note, setNote] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [uploaded, setUploaded] = useState<EvidenceFile[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [checked, setChecked] = useState(false);
  const open = orders.data?.orders.find((o) => o.state === 'open');
  const back = () => navigate(`/cases/${encodeURIComponent(id)}`);

  const submit = async () => {
    setChecked(true);
    if (!open || !note.trim()) return;
    setSending(true);
    setProblem(null);
    try {
      await handInProof(id, { round: open.round, note: note.trim(), attachmentIds: ids });
      notify('app.cx_portal.proof_done', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      back();
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="portal-proof-page">
      <Title title="app.cx_portal.hand_in" />
      <BackButton label="app.portal.back_to_cases" onClick={back} />
      {!orders.data ? (
        <Pending error={orders.error} />
      ) : !open ? (
        <Alert severity="info" data-testid="portal-proof-closed">
          {translate('app.cx_portal.proof_closed')}
        </Alert>
      ) : (
        <Card>
          <CardContent>
            <Stack spacing={1.5}>
              <Typography variant="h6" component="h2">
                {translate('app.cx_portal.hand_in')}
              </Typography>
              <Typography variant="body2">
                {translate('app.cx_portal.order_round', { round: open.round })} · {translate('app.cx_portal.deadline', { date: deadline(open.rectifyBy) })}
              </Typography>
              <TextField
                fullWidth
                multiline
                minRows={4}
                label={translate('app.cx_portal.proof_note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                error={checked && !note.trim()}
                helperText={checked && !note.trim() ? translate('app.cx_portal.proof_note_required') : translate('app.cx_portal.proof_note_help')}
                slotProps={{ htmlInput: { 'data-testid': 'portal-proof-note', maxLength: 4000 } }}
              />
              <Typography variant="body2" color="text.secondary">
                {translate('app.cx_portal.proof_files')}
              </Typography>
              <EvidenceUpload
                value={ids}
                onChange={setIds}
                files={uploaded}
                onUploaded={(f) => setUploaded((u) => [...u, f])}
                max={MAX_PROOF_FILES}
                testId="portal-proof-evidence"
              />
              <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
              <Box sx={{ position: 'sticky', bottom: 0, py: 1, bgcolor: 'background.paper' }}>
                <Button
                  fullWidth
                  size="large"
                  variant="contained"
                  sx={{ minHeight: 48 }}
                  disabled={sending}
                  startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}
                  onClick={submit}
                  data-testid="portal-proof-submit"
                >
                  {translate('app.cx_portal.proof_submit')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};
