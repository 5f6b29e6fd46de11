import ListAltIcon from '@mui/icons-material/ListAlt';
import { createElement } from 'react';
import { RosterList } from './RosterList';
import { RosterShow } from './RosterShow';
import { RosterName } from './RosterName';

export default {
  list: RosterList,
  show: RosterShow,
  icon: ListAltIcon,
  recordRepresentation: createElement(RosterName),
};
