import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { JurisdictionCreate } from './JurisdictionCreate';
import { JurisdictionEdit } from './JurisdictionEdit';
import { JurisdictionList } from './JurisdictionList';
import { JurisdictionShow } from './JurisdictionShow';

export default {
  list: JurisdictionList,
  show: JurisdictionShow,
  create: JurisdictionCreate,
  edit: JurisdictionEdit,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
