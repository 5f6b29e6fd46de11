import ListAltIcon from '@mui/icons-material/ListAlt';
import type { Roster } from '../types';
import { RosterList } from './RosterList';
import { RosterShow } from './RosterShow';

export default {
  list: RosterList,
  show: RosterShow,
  icon: ListAltIcon,
  recordRepresentation: (roster: Roster) => `${roster.kind} #${roster.seq}`,
};
