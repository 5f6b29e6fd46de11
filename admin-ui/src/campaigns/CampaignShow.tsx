import type { ReactElement } from 'react';
import { useSeesIds } from '../audit-events/fields';
import {
  Datagrid,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TabbedShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { campaignStatusColors, caseStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField, ProgrammeField } from '../common/fields';
import { Section } from '../common/Section';
import { IntakeTab } from '../intake-batches/IntakeTab';
import { CurrentStepField, ProposedField, TotalScoreField } from '../cases/CaseFields';
import type { Campaign, ProgrammeKind } from '../types';
import { ApplicationsTab } from './ApplicationsTab';
import { AwardTab } from './AwardTab';
import { EvaluationGroupsTab } from './EvaluationGroupsTab';
import { InspectionDrawTab } from './InspectionDrawTab';
import { CampaignShowActions } from './CampaignShowActions';
import { CultivationTab } from './CultivationTab';
import { CurrentStageField } from './CurrentStageField';
import { DefinedRosterTab } from './DefinedRosterTab';
import { EnrolmentTab } from './EnrolmentTab';
import { campaignKind } from './kind';
import { LaunchProgress } from './LaunchProgress';
import { OverdueByJurisdiction } from './OverdueByJurisdiction';
import { RostersTab } from './RostersTab';
import { StageTable } from './StageTable';

const CampaignSummary = () => (
  <SimpleShowLayout direction="row" sx={{ '& .RaSimpleShowLayout-stack': { flexWrap: 'wrap', gap: 3 } }} spacing={0}>
    <TextField source="name" />
    <ProgrammeField source="programme" />
    <NumberField source="year" options={{ useGrouping: false }} />
    <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
    <EnumChipField source="status" prefix="app.campaign.status" colors={campaignStatusColors} />
    <CurrentStageField source="currentStage" />
    <NumberField source="caseCount" />
    <DateTimeField source="launchedAt" />
    <DateTimeField source="completedAt" />
    {/* 流程编号 is an admin's, read against Temporal (README "The console's words"). */}
    {useSeesIds() && <TextField source="workflowId" />}
  </SimpleShowLayout>
);

const CampaignCases = () => (
  <ReferenceManyField reference="cases" target="campaignId" sort={{ field: 'updatedAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="operatorName" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <EnumField source="track" prefix="app.operator.track" sortable={false} />
      <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
      <CurrentStepField source="currentStep" />
      <TotalScoreField source="totalScore" />
      <ProposedField source="proposed" sortable={false} />
      <DateTimeField source="updatedAt" />
    </Datagrid>
  </ReferenceManyField>
);

/** 概况: the campaign, its stage table (with the coordinator's close / extend), overdue work, cases. */
const OverviewTab = (_props: { label?: false }) => (
  <>
    <CampaignSummary />
    <LaunchProgress />
    <Section title="app.campaign.stages">
      <StageTable />
    </Section>
    <Section title="app.campaign.overdue_by_jurisdiction">
      <OverdueByJurisdiction />
    </Section>
    <Section title="app.campaign.cases">
      <CampaignCases />
    </Section>
  </>
);

// Each tab holds one block (label={false}: no field label above it); tabs are in the URL
// (/campaigns/:id/show/enrolment…), so a tab can be linked to. After 概况, each programme kind has its
// own (a new kind is a compile error here until it has them):
//   staged_award (changxing): enrolment, the award (公示, titles) and the red and black lists;
//   application (zhoushan): applications and the cultivation list, its outcome;
//   register (lijiang): applications reviewed in batches, filed, scored; no award or lists;
//   defined: enrolment, then its roster by the rubric's totals.
const KIND_TABS: Record<ProgrammeKind, () => ReactElement[]> = {
  staged_award: () => [
    <TabbedShowLayout.Tab key="enrolment" label="app.campaign.tab.enrolment" path="enrolment">
      <EnrolmentTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="inspection" label="app.campaign.tab.inspection" path="inspection">
      <InspectionDrawTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="evaluation" label="app.campaign.tab.evaluation" path="evaluation">
      <EvaluationGroupsTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="award" label="app.campaign.tab.award" path="award">
      <AwardTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="rosters" label="app.campaign.tab.rosters" path="rosters">
      <RostersTab label={false} />
    </TabbedShowLayout.Tab>,
  ],
  application: () => [
    <TabbedShowLayout.Tab key="applications" label="app.campaign.tab.applications" path="applications">
      <ApplicationsTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="cultivation" label="app.campaign.tab.cultivation" path="cultivation">
      <CultivationTab label={false} />
    </TabbedShowLayout.Tab>,
  ],
  register: () => [
    <TabbedShowLayout.Tab key="intake" label="app.campaign.tab.intake" path="intake">
      <IntakeTab label={false} />
    </TabbedShowLayout.Tab>,
  ],
  defined: () => [
    <TabbedShowLayout.Tab key="enrolment" label="app.campaign.tab.enrolment" path="enrolment">
      <EnrolmentTab label={false} />
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="roster" label="app.campaign.tab.roster" path="roster">
      <DefinedRosterTab label={false} />
    </TabbedShowLayout.Tab>,
  ],
};

const CampaignTabs = () => {
  const kind = campaignKind(useRecordContext<Campaign>());
  return (
    <TabbedShowLayout sx={{ '& .RaTab-row': { display: 'block' } }} data-testid="campaign-tabs" data-kind={kind}>
      <TabbedShowLayout.Tab label="app.campaign.tab.overview">
        <OverviewTab label={false} />
      </TabbedShowLayout.Tab>
      {kind ? KIND_TABS[kind]() : null}
    </TabbedShowLayout>
  );
};

export const CampaignShow = () => (
  <Show actions={<CampaignShowActions />}>
    <CampaignTabs />
  </Show>
);
