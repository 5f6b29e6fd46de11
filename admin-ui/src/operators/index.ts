import StorefrontIcon from '@mui/icons-material/Storefront';
import { OperatorList } from './OperatorList';
import { OperatorShow } from './OperatorShow';

export default {
    list: OperatorList,
    show: OperatorShow,
    icon: StorefrontIcon,
    recordRepresentation: 'name',
};
