import FactCheckIcon from '@mui/icons-material/FactCheck';
import { createElement } from 'react';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';
import { BatchName } from './BatchName';

export default {
  list: BatchList,
  show: BatchShow,
  icon: FactCheckIcon,
  recordRepresentation: createElement(BatchName),
};
