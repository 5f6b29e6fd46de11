import { ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { objectionStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { ResolveObjectionButton } from '../campaigns/ObjectionActions';

const ObjectionActions = () => (
  <TopToolbar>
    <ResolveObjectionButton />
  </TopToolbar>
);

export const ObjectionShow = () => (
  <Show actions={<ObjectionActions />}>
    <SimpleShowLayout>
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="caseId" reference="cases" link="show" />
      <ReferenceField source="rosterId" reference="rosters" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <DateTimeField source="lodgedAt" />
      <TextField source="lodgedById" />
      <TextField source="source" />
      <TextField source="content" />
      <EnumChipField source="status" prefix="app.objection.status" colors={objectionStatusColors} />
      <DateTimeField source="resolvedAt" />
      <TextField source="resolvedById" emptyText="" />
      <TextField source="resolution" emptyText="" />
    </SimpleShowLayout>
  </Show>
);
