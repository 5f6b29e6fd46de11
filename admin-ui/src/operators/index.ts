import StorefrontIcon from '@mui/icons-material/Storefront';
import { OperatorCreate } from './OperatorCreate';
import { OperatorEdit } from './OperatorEdit';
import { OperatorList } from './OperatorList';
import { OperatorShow } from './OperatorShow';

export default {
  list: OperatorList,
  show: OperatorShow,
  create: OperatorCreate,
  edit: OperatorEdit,
  icon: StorefrontIcon,
  recordRepresentation: 'name',
};
