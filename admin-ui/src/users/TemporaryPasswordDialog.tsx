import { useState } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';

/** Copies `text`; the Clipboard API needs a secure context, so fall back to a selected textarea. */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
};

/** A temporary password in large type with a copy button. */
export const TemporaryPassword = ({ password, testId = 'temporary-password' }: { password: string; testId?: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography component="code" data-testid={testId} sx={{ fontFamily: 'monospace', fontSize: '1.4rem', letterSpacing: '0.08em', userSelect: 'all' }}>
        {password}
      </Typography>
      <Tooltip title={translate(copied ? 'app.user.copied' : 'app.user.copy')}>
        <IconButton aria-label={translate('app.user.copy')} data-testid={`${testId}-copy`} onClick={async () => setCopied(await copyText(password))}>
          <ContentCopyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};

/**
 * The temporary password of a new or reset account, shown this once (the API keeps only its hash):
 * to be handed to the person, who must change it at the first sign-in. It closes only by the button,
 * not by a stray click beside it.
 */
export const TemporaryPasswordDialog = ({
  open,
  title,
  username,
  displayName,
  password,
  onClose,
}: {
  open: boolean;
  title: string;
  username: string;
  displayName: string;
  password: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} maxWidth="sm" fullWidth data-testid="temporary-password-dialog">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>{translate('app.user.temporary_for', { name: displayName, username })}</Typography>
          <Box sx={{ p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
            <TemporaryPassword password={password} />
          </Box>
          <Alert severity="warning">{translate('app.user.temporary_once')}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="app.user.temporary_done" variant="contained" onClick={onClose} data-testid="temporary-password-done" />
      </DialogActions>
    </Dialog>
  );
};
