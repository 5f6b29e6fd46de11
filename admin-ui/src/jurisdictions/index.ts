import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { JurisdictionList } from './JurisdictionList';
import { JurisdictionShow } from './JurisdictionShow';

export default {
    list: JurisdictionList,
    show: JurisdictionShow,
    icon: AccountTreeIcon,
    recordRepresentation: 'name',
};
