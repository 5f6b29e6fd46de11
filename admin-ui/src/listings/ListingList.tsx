import { Box, Stack, Typography } from '@mui/material';
import { FunctionField, NumberField, ReferenceField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { listingStatusChoices, listingStatusColors, nominationChoices, nominationColors } from '../choices';
import { CardMeta } from '../cases/CaseCards';
import { DateTimeField, EnumChipField, useFormatDate } from '../common/fields';
import { campaignFilter, jurisdictionFilter } from '../common/filters';
import { formatScore } from '../common/scores';
import { CardLine, RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import type { Listing } from '../types';
import { csvExporter } from '../common/csv';

// Only filters the API accepts: campaignId, status, nomination, jurisdictionId.
const listingFilters = [
  campaignFilter(),
  <SelectInput key="status" source="status" choices={listingStatusChoices} alwaysOn />,
  <SelectInput key="nomination" source="nomination" choices={nominationChoices} alwaysOn />,
  jurisdictionFilter(),
];

/** A listed room on a phone: its rank and name, score, status and nomination, findings, since when. */
const ListingCard = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  if (!listing) return null;
  return (
    <RecordCard testId="listing-card" openTestId="listing-card-open" highlighted={listing.status === 'listed'}>
      <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, lineHeight: 1.4 }}>
        {listing.rank}. {listing.operatorName ?? listing.caseId}
      </Typography>
      <CardMeta>
        <span>{listing.operatorUscc}</span>
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      </CardMeta>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="status" prefix="app.listing.status" colors={listingStatusColors} />
        <EnumChipField source="nomination" prefix="app.listing.nomination" colors={nominationColors} />
        <Typography variant="body2" component="span">
          {translate('resources.listings.fields.totalScore')} {formatScore(listing.totalScore)}
        </Typography>
      </Stack>
      <Box sx={{ mt: 1 }}>
        <CardLine label="resources.listings.fields.campaignId">
          <ReferenceField source="campaignId" reference="campaigns" link={false} />
        </CardLine>
        <CardLine label="resources.listings.fields.findings">{listing.findings ? String(listing.findings) : null}</CardLine>
        <CardLine label="resources.listings.fields.listedAt">{formatDate(listing.listedAt)}</CardLine>
      </Box>
    </RecordCard>
  );
};

/** 培育库: the rooms on the cities' cultivation lists, their nomination to the province and removal. */
export const ListingList = () => (
  <ResponsiveList filters={listingFilters} inlineFilters={[]} sort={{ field: 'rank', order: 'ASC' }} perPage={25} exporter={csvExporter}>
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} data-testid="listings" card={<ListingCard />} cardsTestId="listing-cards">
      <NumberField source="rank" />
      <TextField source="operatorName" sortable={false} />
      <TextField source="operatorUscc" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <FunctionField<Listing> source="totalScore" render={(l) => formatScore(l.totalScore)} />
      <EnumChipField source="status" prefix="app.listing.status" colors={listingStatusColors} />
      <EnumChipField source="nomination" prefix="app.listing.nomination" colors={nominationColors} />
      <NumberField source="findings" sortable={false} />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <DateTimeField source="listedAt" />
    </ResponsiveDatagrid>
  </ResponsiveList>
);
