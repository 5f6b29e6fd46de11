import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { ObjectionList } from './ObjectionList';
import { ObjectionShow } from './ObjectionShow';

export default {
  list: ObjectionList,
  show: ObjectionShow,
  icon: RecordVoiceOverIcon,
  recordRepresentation: 'source',
};
