import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { JurisdictionList } from './JurisdictionList';

export default {
    list: JurisdictionList,
    icon: AccountTreeIcon,
    recordRepresentation: 'name',
};
