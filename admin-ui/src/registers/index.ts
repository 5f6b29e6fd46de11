import Inventory2Icon from '@mui/icons-material/Inventory2';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import type { RegisterEntry } from '../types';
import { InfluencerApplicationCreate, ProductApplicationCreate } from './ApplicationCreate';
import { InfluencerRegisterList, ProductRegisterList } from './RegisterList';
import { RegisterShow } from './RegisterShow';

const recordRepresentation = (entry: RegisterEntry) => entry.name;

/** 特色直播优质产品库: GET /api/register-entries with register=product. */
export const productRegister = {
  list: ProductRegisterList,
  create: ProductApplicationCreate,
  icon: Inventory2Icon,
  recordRepresentation,
};

/** 新媒体达人库: GET /api/register-entries with register=influencer. */
export const influencerRegister = {
  list: InfluencerRegisterList,
  create: InfluencerApplicationCreate,
  icon: RecordVoiceOverIcon,
  recordRepresentation,
};

/** One entry of either register (#/register-entries/:id/show); not a menu entry of its own. */
export const registerEntries = {
  show: RegisterShow,
  recordRepresentation,
};
