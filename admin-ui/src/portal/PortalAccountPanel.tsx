import { useState } from 'react';
import PrintIcon from '@mui/icons-material/Print';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  GlobalStyles,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { shanghaiDay } from '../common/dates';
import { errorMessage } from '../httpClient';
import type { Role } from '../types';
import { inviteOperator, operatorInvitations, setPortalAccount, type Invitation, type PortalAccount } from './api';

// Printed alone: the sheet of the dialog, on A4, without the console behind it or the buttons.
const printSheet = {
  '@media print': {
    '@page': { size: 'A4', margin: '20mm' },
    '#root, .MuiBackdrop-root, .no-print': { display: 'none !important' },
    '.MuiDialog-container': { display: 'block !important', height: 'auto !important' },
    '.MuiDialog-paper': {
      boxShadow: 'none !important',
      margin: '0 !important',
      maxWidth: 'none !important',
      width: '100% !important',
      maxHeight: 'none !important',
    },
  },
};

/** The invitation, shown once: what the operator needs to open its account, printable (a print button, @media print). */
const InvitationSheet = ({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const rows: [string, string, string?][] = [
    ['app.portal_account.sheet_operator', invitation.operatorName],
    ['app.portal_account.sheet_uscc', invitation.uscc],
    ['app.portal_account.sheet_code', invitation.code, 'invitation-code'],
    ['app.portal_account.sheet_expires', shanghaiDay(invitation.expiresAt)],
    ['app.portal_account.sheet_address', invitation.portalUrl, 'invitation-address'],
  ];
  return (
    <Dialog open fullScreen={phone} maxWidth="sm" fullWidth data-testid="invitation-sheet">
      <GlobalStyles styles={printSheet} />
      <DialogTitle>{translate('app.portal_account.sheet_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" className="no-print" sx={{ mb: 2 }}>
          {translate('app.portal_account.sheet_shown_once')}
        </Alert>
        <Table size="small" className="print-document">
          <TableBody>
            {rows.map(([label, value, testId]) => (
              <TableRow key={label}>
                <TableCell component="th" sx={{ whiteSpace: 'nowrap', fontWeight: 'bold', width: '30%' }}>
                  {translate(label)}
                </TableCell>
                <TableCell
                  data-testid={testId}
                  sx={
                    testId === 'invitation-code'
                      ? { fontFamily: 'monospace', fontSize: '1.3rem', letterSpacing: '0.08em', fontWeight: 'bold', whiteSpace: 'nowrap' }
                      : { wordBreak: 'break-all' }
                  }
                >
                  {value}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {translate('app.portal_account.sheet_steps')}
        </Typography>
      </DialogContent>
      <DialogActions className="no-print">
        <Button startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="invitation-print">
          {translate('app.portal_account.print')}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="invitation-close">
          {translate('app.portal_account.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * 门户账号 on an operator (staff): whether it has opened its portal account, 发送邀请 (a one-time code,
 * printed or sent; a new one replaces any unused), the invitations so far, and disabling or re-enabling
 * the account with a reason. Officers of the operator's jurisdiction invite; they and admins disable.
 */
export const PortalAccountPanel = () => {
  const record = useRecordContext<{ id: string; portalAccount?: PortalAccount | null }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<Role>();
  const mayInvite = permissions === 'county_officer' || permissions === 'coordinator';
  const mayKeep = mayInvite || permissions === 'admin';
  const [sheet, setSheet] = useState<Invitation | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [switching, setSwitching] = useState(false);
  const invitations = useQuery({
    queryKey: ['operators', 'invitations', record?.id],
    queryFn: () => operatorInvitations(String(record!.id)),
    enabled: !!record?.id && mayKeep,
  });
  if (!record || !mayKeep) return null;
  const account = record.portalAccount ?? null;
  const invite = async () => {
    setConfirming(false);
    setSending(true);
    try {
      setSheet(await inviteOperator(String(record.id)));
      await queryClient.invalidateQueries({ queryKey: ['operators', 'invitations', record.id] });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  const toggle = async (reason: string) => {
    const disable = account?.status === 'active';
    await setPortalAccount(String(record.id), disable, reason);
    setSwitching(false);
    notify(disable ? 'app.portal_account.disabled_done' : 'app.portal_account.enabled_done', { type: 'success' });
    refresh();
  };
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="portal-account-panel">
      <CardContent>
        <Typography variant="h6" component="h3">
          {translate('app.portal_account.title')}
        </Typography>
        <Box sx={{ my: 1 }} data-testid="portal-account-status" data-status={account?.status ?? 'none'}>
          {!account ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.portal_account.none')}
            </Typography>
          ) : account.status === 'active' ? (
            <Chip color="success" size="small" label={translate('app.portal_account.active', { date: shanghaiDay(account.createdAt) })} />
          ) : (
            <Chip color="error" size="small" label={translate('app.portal_account.disabled')} />
          )}
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {mayInvite && account?.status !== 'disabled' && (
            <Button variant="contained" startIcon={<SendIcon />} disabled={sending} onClick={() => setConfirming(true)} data-testid="portal-invite">
              {translate(account ? 'app.portal_account.reinvite' : 'app.portal_account.invite')}
            </Button>
          )}
          {account && (
            <Button color={account.status === 'active' ? 'error' : 'primary'} onClick={() => setSwitching(true)} data-testid="portal-account-toggle">
              {translate(account.status === 'active' ? 'app.portal_account.disable' : 'app.portal_account.enable')}
            </Button>
          )}
        </Stack>
        {!!invitations.data?.length && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {translate('app.portal_account.invitations')}
            </Typography>
            <List dense disablePadding data-testid="portal-invitations">
              {invitations.data.map((i) => (
                <ListItem key={i.id} disableGutters>
                  <ListItemText
                    primary={
                      <>
                        {shanghaiDay(i.createdAt)} <Chip size="small" label={translate(`app.portal_account.status.${i.status}`)} sx={{ ml: 1 }} />
                      </>
                    }
                    secondary={`${translate('app.portal_account.invited_by', { name: i.createdByName })} · ${translate('app.portal_account.expires', { date: shanghaiDay(i.expiresAt) })}`}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </CardContent>
      <Confirm
        isOpen={confirming}
        title={translate(account ? 'app.portal_account.reinvite' : 'app.portal_account.invite')}
        content={translate('app.portal_account.invite_confirm')}
        onConfirm={invite}
        onClose={() => setConfirming(false)}
      />
      <ReasonDialog
        open={switching}
        title={translate(account?.status === 'active' ? 'app.portal_account.disable' : 'app.portal_account.enable')}
        reasonLabel="app.portal_account.reason"
        confirmColor={account?.status === 'active' ? 'error' : 'primary'}
        onConfirm={toggle}
        onClose={() => setSwitching(false)}
        testId="portal-account-toggle-dialog"
      />
      {sheet && <InvitationSheet invitation={sheet} onClose={() => setSheet(null)} />}
    </Card>
  );
};
