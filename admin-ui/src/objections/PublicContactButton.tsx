import { useState } from 'react';
import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { Button, useGetOne, useListContext, useNotify, usePermissions, useTranslate } from 'react-admin';
import { API_URL, errorMessage, httpClient } from '../httpClient';
import { canRunCampaigns } from '../permissions';
import type { Role } from '../types';

/**
 * 公示联系方式: the objection contact printed on the public pages of the campaign chosen in the filter
 * (README "Public pages and objections"), set by its coordinators; empty restores the default naming the
 * bureau. PUT /api/campaigns/:id/public-contact, audited.
 */
export const PublicContactButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Role>();
  const { filterValues } = useListContext();
  const campaignId = (filterValues as { campaignId?: string }).campaignId;
  const { data: campaign, refetch } = useGetOne<{ id: string; name: string; publicContact?: string | null }>(
    'campaigns',
    { id: campaignId ?? '' },
    { enabled: !!campaignId },
  );
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [saving, setSaving] = useState(false);
  if (!canRunCampaigns(permissions)) return null;
  const save = async () => {
    setSaving(true);
    try {
      await httpClient(`${API_URL}/campaigns/${encodeURIComponent(campaignId!)}/public-contact`, {
        method: 'PUT',
        body: JSON.stringify({ publicContact: value.trim() || null }),
      });
      notify('app.objection.contact_saved', { type: 'success' });
      setOpen(false);
      await refetch();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button
        label="app.objection.public_contact"
        disabled={!campaignId}
        title={campaignId ? undefined : translate('app.objection.choose_campaign')}
        onClick={() => {
          setValue(campaign?.publicContact ?? '');
          setOpen(true);
        }}
        data-testid="public-contact-button"
      >
        <ContactPhoneIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.objection.public_contact')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.objection.public_contact_helper', { campaign: campaign?.name ?? campaignId ?? '' })}
          </Typography>
          <MuiTextField
            fullWidth
            multiline
            minRows={2}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
            label={translate('app.objection.public_contact')}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={saving} />
          <Button label="ra.action.save" variant="contained" onClick={save} disabled={saving} />
        </DialogActions>
      </Dialog>
    </>
  );
};
