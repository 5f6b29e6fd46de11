import { Box, Stack, Typography } from '@mui/material';
import { ReferenceField, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { rosterKindChoices, rosterKindColors } from '../choices';
import { EnumChipField, useFormatDate } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { CardLine, RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import type { Roster } from '../types';
import { rosterColumns, SupersededField } from './RosterFields';
import { csvExporter } from '../common/csv';

// The API filters rosters by campaign and kind only.
const rosterFilters = [campaignFilter(), <SelectInput key="kind" source="kind" choices={rosterKindChoices} alwaysOn />];

/** A publication on a phone: its kind and issue, campaign, dates, how many entries, whether it is current. */
const RosterCard = () => {
  const roster = useRecordContext<Roster>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  if (!roster) return null;
  return (
    <RecordCard testId="roster-card" openTestId="roster-card-open" highlighted={!roster.superseded}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="kind" prefix="app.roster.kind" colors={rosterKindColors} />
        <Typography variant="subtitle2" component="span">
          {translate('app.roster.issue', { seq: roster.seq })}
        </Typography>
        <SupersededField source="superseded" />
      </Stack>
      <Box sx={{ mt: 1 }}>
        <CardLine label="resources.rosters.fields.campaignId">
          <ReferenceField source="campaignId" reference="campaigns" link={false} />
        </CardLine>
        <CardLine label="resources.rosters.fields.publishedAt">{formatDate(roster.publishedAt)}</CardLine>
        <CardLine label="resources.rosters.fields.windowEndsAt">{formatDate(roster.windowEndsAt)}</CardLine>
        <CardLine label="resources.rosters.fields.entries">{roster.entries ? String(roster.entries.length) : null}</CardLine>
      </Box>
    </RecordCard>
  );
};

/** Published lists (公示, award, 红榜, 黑榜): dated and immutable, the newest of a kind is current; cards on a phone. */
export const RosterList = () => (
  <ResponsiveList filters={rosterFilters} inlineFilters={['kind']} sort={{ field: 'publishedAt', order: 'DESC' }} exporter={csvExporter}>
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<RosterCard />} cardsTestId="roster-cards">
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      {rosterColumns}
    </ResponsiveDatagrid>
  </ResponsiveList>
);
