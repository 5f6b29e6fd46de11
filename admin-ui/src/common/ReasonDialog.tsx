import { useState, type ReactNode } from 'react';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { problemOf, type Problem } from '../httpClient';
import { ProblemAlert } from './ProblemAlert';

/**
 * Asks why (required: the audit trail records it; at most 500 characters, as the API allows) and
 * confirms an action. `onConfirm` may return a promise: while it runs the dialog stays open, and if
 * it fails the API's problem stays in the dialog (an action that notifies its own failures passes
 * `pending` instead). `children` are more inputs above the reason; `canConfirm` says they are
 * filled in. The reason and the problem are forgotten once the dialog has closed.
 *
 * Test ids, from `testId`: the dialog, `<testId>-reason`, `-problem` and `-confirm`.
 */
export const ReasonDialog = ({
  open,
  title,
  content,
  warning,
  children,
  reasonLabel,
  confirm = 'ra.action.confirm',
  confirmColor = 'primary',
  canConfirm = true,
  pending = false,
  onConfirm,
  onClose,
  testId,
}: {
  open: boolean;
  /** Translated. */
  title: string;
  /** Translated. */
  content?: string;
  /** Translated. */
  warning?: string;
  children?: ReactNode;
  /** Translation key of the reason's label. */
  reasonLabel: string;
  /** Translation key of the confirm button. */
  confirm?: string;
  confirmColor?: 'primary' | 'error' | 'warning';
  canConfirm?: boolean;
  pending?: boolean;
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
  testId: string;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const busy = pending || sending;
  const forget = () => {
    setReason('');
    setProblem(null);
  };
  const submit = async () => {
    setSending(true);
    setProblem(null);
    try {
      await onConfirm(reason.trim());
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid={testId} slotProps={{ transition: { onExited: forget } }}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {content && <Typography>{content}</Typography>}
          {warning && <Alert severity="warning">{warning}</Alert>}
          {children}
          <TextField
            label={translate(reasonLabel)}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            multiline
            minRows={2}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `${testId}-reason` } }}
          />
          <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId={`${testId}-problem`} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
        <Button
          label={confirm}
          variant="contained"
          color={confirmColor}
          disabled={busy || !canConfirm || !reason.trim()}
          onClick={submit}
          data-testid={`${testId}-confirm`}
        />
      </DialogActions>
    </Dialog>
  );
};
