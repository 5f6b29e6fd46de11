import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { IntakeBatch } from '../types';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';

export default {
  list: BatchList,
  show: BatchShow,
  icon: FactCheckIcon,
  recordRepresentation: (batch: IntakeBatch) => `#${batch.seq}`,
};
