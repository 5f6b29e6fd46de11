import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { TitleList } from './TitleList';
import { TitleShow } from './TitleShow';

export default {
  list: TitleList,
  show: TitleShow,
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'operatorName',
};
