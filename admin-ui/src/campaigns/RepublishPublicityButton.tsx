// 重新公示 (README "Corrections"): a new 公示 that supersedes the published one, with a reason, for a
// number of days (POST /api/campaigns/:id/publicity/republish). A score corrected with 更正后重新公示 does
// this in the same step; here it is done on its own, e.g. when that second step was refused. The campaign
// workflow decides; a refusal stays in the dialog.
import { useState } from 'react';
import CampaignIcon from '@mui/icons-material/Campaign';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { PublicityDaysInput, usePublicityDays } from './PublicityDaysInput';
import type { AppDataProvider } from '../dataProvider';
import type { AwardStatus, Campaign } from '../types';

export const RepublishPublicityButton = ({ award, campaign }: { award: AwardStatus; campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const daysInput = usePublicityDays(award.publicityDays);
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
        canConfirm={daysInput.valid}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const roster = await dataProvider.republishPublicity(campaign.id, { reason, days: Number(daysInput.days) });
          setOpen(false);
          notify('app.award.republished', { type: 'success', messageArgs: { seq: roster.seq } });
          refresh();
        }}
      >
        <PublicityDaysInput state={daysInput} testId="republish-days" />
      </ReasonDialog>
    </>
  );
};
