import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export default {
  list: TaskList,
  show: TaskShow,
  icon: TaskIcon,
  recordRepresentation: 'title',
};
