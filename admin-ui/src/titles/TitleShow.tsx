import { Stack } from '@mui/material';
import {
  FunctionField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { taskStatusColors, titleStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField, OverdueField } from '../common/fields';
import { formatScore } from '../common/scores';
import { Section } from '../common/Section';
import { CaseTaskCard } from '../cases/CaseCards';
import { ResponsiveDatagrid } from '../layout/CardList';
import { narrowFullWidthSx, narrowShowLayoutSx } from '../layout/responsive';
import { useNamedLookup } from '../common/useLocalizedName';
import { canActOnTitles } from '../permissions';
import type { Role, Title } from '../types';
import { ComplaintForm, RevokeTitleForm } from './TitleActions';

/** Interviews and verifications opened by complaints on this title (stage after_award). */
const FollowUpTasks = () => (
  <ReferenceManyField
    reference="tasks"
    target="caseId"
    source="caseId"
    filter={{ stageKey: 'after_award' }}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination />}
  >
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<CaseTaskCard testId="title-task-card" />}>
      <TextField source="title" />
      <EnumField source="type" prefix="app.task.type" />
      <DateTimeField source="dueAt" />
      <OverdueField source="overdue" sortable={false} />
      <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
    </ResponsiveDatagrid>
  </ReferenceManyField>
);

const TitleWork = () => {
  const title = useRecordContext<Title>();
  const { permissions } = usePermissions<Role>();
  if (!title || title.status !== 'active' || !canActOnTitles(permissions)) return null;
  return (
    <Section title="app.titles.actions">
      <Stack spacing={2} sx={narrowFullWidthSx}>
        <ComplaintForm />
        <RevokeTitleForm />
      </Stack>
    </Section>
  );
};

/** The title; how it ended (and on which ground) only once it has. */
const TitleDetails = () => {
  const title = useRecordContext<Title>();
  const lookup = useNamedLookup();
  const revoked = title?.status === 'revoked';
  return (
    <SimpleShowLayout sx={narrowShowLayoutSx}>
      <ReferenceField source="operatorId" reference="operators" link="show" />
      <TextField source="operatorUscc" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="caseId" reference="cases" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <FunctionField<Title> source="totalScore" render={(t) => formatScore(t.totalScore)} />
      <DateTimeField source="grantedAt" />
      <DateTimeField source="expiresAt" />
      <EnumChipField source="status" prefix="app.titles.status" colors={titleStatusColors} />
      {title?.endedAt && <DateTimeField source="endedAt" />}
      {revoked && <FunctionField<Title> source="revokedGround" render={(t) => lookup(t.revocationGrounds, t.revokedGround)} />}
      {revoked && <TextField source="revokedEvidence" />}
      {revoked && <FunctionField<Title> source="revokedById" render={(t) => t.revokedByName ?? ''} />}
    </SimpleShowLayout>
  );
};

export const TitleShow = () => (
  <Show>
    <TitleDetails />
    <Section title="app.titles.follow_up">
      <FollowUpTasks />
    </Section>
    <TitleWork />
  </Show>
);
