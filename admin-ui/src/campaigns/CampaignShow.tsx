import {
    Datagrid,
    NumberField,
    Pagination,
    ReferenceField,
    ReferenceManyField,
    Show,
    SimpleShowLayout,
    TextField,
} from 'react-admin';
import { campaignStatusColors, caseStatusColors } from '../choices';
import { DateTimeField, EnumChipField, EnumField, ProgrammeField } from '../common/fields';
import { Section } from '../common/Section';
import { CurrentStageField } from './CurrentStageField';
import { OverdueByJurisdiction } from './OverdueByJurisdiction';
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
        <TextField source="workflowId" />
    </SimpleShowLayout>
);

const CampaignCases = () => (
    <ReferenceManyField
        reference="cases"
        target="campaignId"
        sort={{ field: 'updatedAt', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination />}
    >
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="operatorName" sortable={false} />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
            <EnumField source="track" prefix="app.operator.track" sortable={false} />
            <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
            <TextField source="currentStep" />
            <DateTimeField source="updatedAt" />
        </Datagrid>
    </ReferenceManyField>
);

export const CampaignShow = () => (
    <Show>
        <CampaignSummary />
        <Section title="app.campaign.stages">
            <StageTable />
        </Section>
        <Section title="app.campaign.overdue_by_jurisdiction">
            <OverdueByJurisdiction />
        </Section>
        <Section title="app.campaign.cases">
            <CampaignCases />
        </Section>
    </Show>
);
