import { Box, Stack, Typography } from '@mui/material';
import { Button, ReferenceField, SelectInput, TextField, TextInput, useRecordContext } from 'react-admin';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { objectionStatusChoices, objectionStatusColors } from '../choices';
import { DateTimeField, EnumChipField, useFormatDate } from '../common/fields';
import { CardLine, RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import type { Objection } from '../types';
import { campaignFilter } from '../common/filters';
import { csvExporter } from '../common/csv';
import { Source } from './ObjectionShow';
import { PublicContactButton } from './PublicContactButton';

const objectionFilters = [
  campaignFilter(),
  <SelectInput key="status" source="status" choices={objectionStatusChoices} alwaysOn />,
  // A caller quoting the number the public page gave them (README "Public pages and objections").
  <TextInput key="reference" source="reference" alwaysOn />,
];

/** The public pages, where anyone objects during a 公示 (opens in a new tab, without the console's sign-in). */
const objectionListActions = (
  <>
    <PublicContactButton />
    <Button label="app.objection.public_pages" onClick={() => window.open('#/public/rosters', '_blank', 'noopener')}>
      <OpenInNewIcon />
    </Button>
  </>
);

/** An objection on a phone (README "On a phone"): when, its number and status, to which case, what it says. */
const ObjectionCard = () => {
  const objection = useRecordContext<Objection>();
  const formatDate = useFormatDate();
  if (!objection) return null;
  return (
    <RecordCard testId="objection-card" openTestId="objection-card-open" highlighted={objection.status === 'open'}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
        <Typography variant="subtitle2" component="span">
          <ReferenceField source="caseId" reference="cases" link={false} />
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mt: 1, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
        {objection.content}
      </Typography>
      <Box sx={{ mt: 1 }}>
        <CardLine label="resources.objections.fields.reference">{objection.reference}</CardLine>
        <CardLine label="resources.objections.fields.source">
          <Source source="source" />
        </CardLine>
        <CardLine label="resources.objections.fields.lodgedAt">{formatDate(objection.lodgedAt)}</CardLine>
        <CardLine label="resources.objections.fields.resolvedAt">{formatDate(objection.resolvedAt)}</CardLine>
      </Box>
    </RecordCard>
  );
};

/** Objections (异议) to the 公示 lists: who objected to which case, and how it was resolved; cards on a phone. */
export const ObjectionList = () => (
  <ResponsiveList
    filters={objectionFilters}
    inlineFilters={['reference']}
    sort={{ field: 'lodgedAt', order: 'DESC' }}
    exporter={csvExporter}
    actions={objectionListActions}
  >
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<ObjectionCard />} cardsTestId="objection-cards">
      <DateTimeField source="lodgedAt" />
      <TextField source="reference" sortable={false} emptyText="" />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <ReferenceField source="caseId" reference="cases" link={false} sortable={false} />
      <Source source="source" />
      <TextField source="content" sortable={false} />
      <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
      <DateTimeField source="resolvedAt" />
    </ResponsiveDatagrid>
  </ResponsiveList>
);
