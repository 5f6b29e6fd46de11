import { Stack } from '@mui/material';
import {
  FunctionField,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { listingStatusColors, nominationColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField } from '../common/fields';
import { formatScore } from '../common/scores';
import { Section } from '../common/Section';
import { AuditEntryCard } from '../cases/CaseCards';
import { AuditActionField, AuditActorField } from '../audit-events/fields';
import { ResponsiveDatagrid } from '../layout/CardList';
import { narrowFullWidthSx, narrowShowLayoutSx } from '../layout/responsive';
import { canDecideListings, canRecordFindings } from '../permissions';
import type { Listing, Role } from '../types';
import { FindingForm, NominateButton, ProvinceAnswerForm, RemoveListingForm } from './ListingActions';

/** What may be done now: the city's decisions (coordinator) and monitoring findings (county too). */
const ListingWork = () => {
  const listing = useRecordContext<Listing>();
  const { permissions } = usePermissions<Role>();
  if (!listing || listing.status !== 'listed') return null;
  const city = canDecideListings(permissions);
  const canNominate = city && ['none', 'declined', 'withdrawn'].includes(listing.nomination);
  const awaitingAnswer = city && listing.nomination === 'pending';
  if (!city && !canRecordFindings(permissions)) return null;
  return (
    <Section title="app.listing.actions">
      <Stack spacing={2} sx={narrowFullWidthSx}>
        {canNominate && <NominateButton />}
        {awaitingAnswer && <ProvinceAnswerForm />}
        {canRecordFindings(permissions) && <FindingForm />}
        {city && <RemoveListingForm />}
      </Stack>
    </Section>
  );
};

/** The decisions on this room (listed, nominated, answered, findings, removal), newest first. */
const ListingTrail = () => (
  <ReferenceManyField reference="audit-events" target="caseId" source="caseId" sort={{ field: 'at', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
    <ResponsiveDatagrid bulkActionButtons={false} rowClick={false} card={<AuditEntryCard testId="listing-trail-entry" />}>
      <DateTimeField source="at" />
      <AuditActionField source="action" />
      <AuditActorField source="actorId" sortable={false} />
      <EnumField source="actorRole" prefix="app.role" />
      <TextField source="reason" />
      <TextField source="clause" sortable={false} />
    </ResponsiveDatagrid>
  </ReferenceManyField>
);

export const ListingShow = () => (
  <Show>
    <SimpleShowLayout sx={narrowShowLayoutSx}>
      <ReferenceField source="operatorId" reference="operators" link="show" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="caseId" reference="cases" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <NumberField source="rank" />
      <FunctionField<Listing> source="totalScore" render={(l) => formatScore(l.totalScore)} />
      <DateTimeField source="listedAt" />
      <EnumChipField source="status" prefix="app.listing.status" colors={listingStatusColors} />
      <EnumChipField source="nomination" prefix="app.listing.nomination" colors={nominationColors} />
      <DateTimeField source="nominatedAt" />
      <DateTimeField source="provinceAnsweredAt" />
      <TextField source="provinceNote" emptyText="—" />
      <NumberField source="findings" />
      <DateTimeField source="removedAt" />
      <TextField source="removedReason" emptyText="—" />
    </SimpleShowLayout>
    <ListingWork />
    <Section title="app.listing.trail">
      <ListingTrail />
    </Section>
  </Show>
);
