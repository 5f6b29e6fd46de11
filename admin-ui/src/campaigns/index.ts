import CampaignIcon from '@mui/icons-material/Campaign';
import type { Campaign } from '../types';
import { CampaignCreate } from './CampaignCreate';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

export default {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  icon: CampaignIcon,
  recordRepresentation: (campaign: Campaign) => campaign.name || `${campaign.programme} ${campaign.year}`,
};
