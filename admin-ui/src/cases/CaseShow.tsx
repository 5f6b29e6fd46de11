import { Pagination, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { AuditEventData } from '../audit-events/AuditEventList';
import { AuditActionField, AuditActorField, AuditEntityField, useSeesIds } from '../audit-events/fields';
import { caseStatusColors, taskStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField, OverdueField, StageField } from '../common/fields';
import { Section } from '../common/Section';
import { ResponsiveDatagrid } from '../layout/CardList';
import { narrowShowLayoutSx } from '../layout/responsive';
import type { Case } from '../types';
import { AuditEntryCard, CaseTaskCard } from './CaseCards';
import { CurrentStepField, ExcludedField, ProposedField, ScoreParts, TotalScoreField } from './CaseFields';
import { CaseTimeline } from './CaseTimeline';
import { Comments } from '../common/Comments';
import { FilesPanel } from '../common/FilesPanel';

// On a phone the sections stack in one column and the tasks and the audit trail are cards (README "On a
// phone"): an officer reaches this page from the 案卷 link of every task.
const CaseTasks = () => (
  <ReferenceManyField reference="tasks" target="caseId" sort={{ field: 'dueAt', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<CaseTaskCard />} cardsTestId="case-task-cards">
      <TextField source="title" />
      <EnumField source="type" prefix="app.task.type" />
      <StageField source="stageKey" />
      <DateTimeField source="dueAt" />
      <OverdueField source="overdue" sortable={false} />
      <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
      <DateTimeField source="completedAt" />
    </ResponsiveDatagrid>
  </ReferenceManyField>
);

// The case's entries and its tasks' (the API's caseId filter), the same entries as its timeline above.
const CaseAuditEvents = () => {
  // The entry's raw data (ids, digests) is for an administrator (README "The console's words").
  const seesIds = useSeesIds();
  return (
    <ReferenceManyField reference="audit-events" target="caseId" sort={{ field: 'at', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
      <ResponsiveDatagrid
        bulkActionButtons={false}
        expand={seesIds ? <AuditEventData /> : undefined}
        rowClick={seesIds ? 'expand' : false}
        card={<AuditEntryCard />}
        cardsTestId="case-audit-entries"
      >
        <DateTimeField source="at" />
        <AuditActorField source="actorId" sortable={false} />
        <EnumField source="actorRole" prefix="app.role" sortable={false} />
        <AuditActionField source="action" />
        <AuditEntityField source="entityType" />
        <TextField source="reason" sortable={false} />
        <TextField source="clause" sortable={false} />
      </ResponsiveDatagrid>
    </ReferenceManyField>
  );
};

/** The case; whether it is proposed shows once it is scored, why it is out only if it is. */
const CaseDetails = () => {
  const record = useRecordContext<Case>();
  return (
    <SimpleShowLayout sx={narrowShowLayoutSx}>
      <ReferenceField source="operatorId" reference="operators" link="show" />
      <TextField source="operatorUscc" />
      <ReferenceField source="campaignId" reference="campaigns" link="show" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      <EnumField source="track" prefix="app.operator.track" />
      <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
      <CurrentStepField source="currentStep" />
      <TotalScoreField source="totalScore" />
      {record?.totalScore != null && <ProposedField source="proposed" />}
      {record?.excludedKind && <ExcludedField source="excludedKind" />}
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  );
};

/** The case's files (its tasks' and its own) and its thread, which its operator reads too (README "Comments and files"). */
const CaseFilesAndComments = () => {
  const record = useRecordContext<Case>();
  if (!record) return null;
  return (
    <>
      <FilesPanel of="cases" id={String(record.id)} />
      <Comments of="cases" id={String(record.id)} note="app.comments.operator_sees" />
    </>
  );
};

export const CaseShow = () => (
  <Show>
    <CaseDetails />
    <Section title="app.timeline.title">
      <CaseTimeline />
    </Section>
    <Section title="app.case.score_parts">
      <ScoreParts />
    </Section>
    <Section title="app.case.tasks">
      <CaseTasks />
    </Section>
    <CaseFilesAndComments />
    <Section title="app.case.audit_events">
      <CaseAuditEvents />
    </Section>
  </Show>
);
