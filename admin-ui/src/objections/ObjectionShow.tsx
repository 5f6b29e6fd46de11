import { Alert } from '@mui/material';
import { FunctionField, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { objectionStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { DownloadButton } from '../common/DownloadButton';
import { ResolveObjectionButton } from '../campaigns/ObjectionActions';
import type { Objection } from '../types';

const ObjectionActions = () => (
  <TopToolbar>
    <ResolveObjectionButton />
  </TopToolbar>
);

/** From the public page (README "Public pages and objections"): its lodger reads the outcome by reference, the resolution included. */
const PublicNotice = () => {
  const record = useRecordContext<Objection>();
  const translate = useTranslate();
  if (!record?.reference) return null;
  return (
    <Alert severity="info" data-testid="objection-public-notice">
      {translate(record.source === 'public' ? 'app.objection.public_notice' : 'app.objection.reference_notice', { reference: record.reference })}
    </Alert>
  );
};

/** The file sent with a public objection, fetched with the token (staff of the jurisdiction only). */
const Attachment = () => {
  const record = useRecordContext<Objection>();
  if (!record?.attachmentId) return null;
  return (
    <Labeled source="attachmentId">
      <DownloadButton
        path={`/attachments/${record.attachmentId}`}
        filename={`${record.reference ?? record.id}-attachment`}
        label="app.objection.download"
        testId="objection-attachment"
      />
    </Labeled>
  );
};

/** Who recorded it: a user, or the public (no account). */
const LodgedBy = (_: { source: string }) => {
  const translate = useTranslate();
  return <FunctionField<Objection> source="lodgedById" render={(o) => (o.lodgedById ? o.lodgedByName : translate('app.objection.the_public'))} />;
};
export const Source = (_: { source: string }) => {
  const translate = useTranslate();
  return <FunctionField<Objection> source="source" render={(o) => (o.source === 'public' ? translate('app.objection.source_public') : o.source)} />;
};

export const ObjectionShow = () => (
  <Show actions={<ObjectionActions />}>
    <SimpleShowLayout>
      <PublicNotice />
      <TextField source="reference" emptyText="" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="caseId" reference="cases" link="show" />
      <ReferenceField source="rosterId" reference="rosters" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <DateTimeField source="lodgedAt" />
      <LodgedBy source="lodgedById" />
      <Source source="source" />
      <TextField source="contactName" emptyText="" />
      <TextField source="contact" emptyText="" />
      <TextField source="content" />
      <Attachment />
      <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
      <DateTimeField source="resolvedAt" />
      <FunctionField<Objection> source="resolvedById" render={(o) => o.resolvedByName ?? ''} />
      <TextField source="resolution" emptyText="" />
    </SimpleShowLayout>
  </Show>
);
