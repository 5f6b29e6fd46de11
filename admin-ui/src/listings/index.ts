import ChecklistIcon from '@mui/icons-material/Checklist';
import type { Listing } from '../types';
import { ListingList } from './ListingList';
import { ListingShow } from './ListingShow';

export default {
  list: ListingList,
  show: ListingShow,
  icon: ChecklistIcon,
  // GET /listings/:id has no operator name (the list rows do): the case id then.
  recordRepresentation: (listing: Listing) => listing.operatorName ?? listing.caseId,
};
