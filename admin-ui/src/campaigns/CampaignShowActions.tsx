import { useState } from 'react';
import AssessmentIcon from '@mui/icons-material/Assessment';
import NextPlanIcon from '@mui/icons-material/NextPlan';
import { Button, Link, TopToolbar, useDataProvider, useNavigate, useNotify, usePermissions, useRecordContext } from 'react-admin';
import { useProgrammes } from '../common/programmes';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import { canLaunchCampaigns } from '../permissions';
import type { Campaign, Role } from '../types';
import { launchToFormValues, type SuccessorState } from './CampaignCreate';

export const summaryPath = (id: string) => `/campaigns/${encodeURIComponent(id)}/summary`;

/**
 * 启动下一年度: asks the API for next year's launch (calendar moved a year, settings copied) and
 * opens the launch form with it, listing last year's title holders and flagged operators.
 */
const LaunchNextYearButton = ({ campaign }: { campaign: Campaign }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const navigate = useNavigate();
  const notify = useNotify();
  const { data: programmes } = useProgrammes();
  const [pending, setPending] = useState(false);
  return (
    <Button
      label="app.campaign.next_year"
      data-testid="launch-next-year"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          const { launch, titleHolders, flagged } = await dataProvider.successor(campaign.id);
          const programme = programmes?.find((p) => p.id === launch.programme);
          const state: SuccessorState = {
            record: launchToFormValues(launch, programme),
            successor: { titleHolders, flagged },
          };
          navigate('/campaigns/create', { state });
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        } finally {
          setPending(false);
        }
      }}
    >
      <NextPlanIcon />
    </Button>
  );
};

export const CampaignShowActions = () => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  if (!campaign) return null;
  return (
    <TopToolbar>
      <Button component={Link} label="app.campaign.summary_report" to={summaryPath(campaign.id)} data-testid="summary-link">
        <AssessmentIcon />
      </Button>
      {canLaunchCampaigns(permissions) && <LaunchNextYearButton campaign={campaign} />}
    </TopToolbar>
  );
};
