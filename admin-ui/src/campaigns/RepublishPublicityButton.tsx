// 重新公示 (README "Corrections"): a new 公示 that supersedes the published one, with a reason, for a
// number of days (POST /api/campaigns/:id/publicity/republish). A score corrected with 更正后重新公示 does
// this in the same step; here it is done on its own, e.g. when that second step was refused. The campaign
// workflow decides; a refusal stays in the dialog.
import { useState } from 'react';
import CampaignIcon from '@mui/icons-material/Campaign';
import { TextField } from '@mui/material';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { AppDataProvider } from '../dataProvider';
import type { AwardStatus, Campaign } from '../types';

export const RepublishPublicityButton = ({ award, campaign }: { award: AwardStatus; campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState(String(award.publicityDays));
  const daysValid = /^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 60;
  return (
    <>
      <Button label="app.award.republish" variant="outlined" data-testid="republish-publicity" onClick={() => setOpen(true)}>
        <CampaignIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('app.award.republish_title')}
        content={translate('app.award.republish_content', { smart_count: award.proposed })}
        reasonLabel="app.award.republish_reason"
        confirm="app.award.republish"
        testId="republish-dialog"
        canConfirm={daysValid}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const roster = await dataProvider.republishPublicity(campaign.id, { reason, days: Number(days) });
          setOpen(false);
          notify('app.award.republished', { type: 'success', messageArgs: { seq: roster.seq } });
          refresh();
        }}
      >
        <TextField
          size="small"
          type="number"
          label={translate('app.award.days')}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={!daysValid}
          sx={{ width: '10rem' }}
          slotProps={{ htmlInput: { min: 1, max: 60, 'data-testid': 'republish-days' } }}
        />
      </ReasonDialog>
    </>
  );
};
