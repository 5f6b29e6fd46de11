import { NullableBooleanInput, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { caseStatusChoices, caseStatusColors, trackChoices } from '../choices';
import { DateTimeField, EnumChipField, EnumField } from '../common/fields';
import { campaignFilter, jurisdictionFilter } from '../common/filters';
import { ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import { CaseCard } from './CaseCards';
import { CurrentStepField, ProposedField, TotalScoreField } from './CaseFields';
import { csvExporter } from '../common/csv';

const caseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  campaignFilter(),
  jurisdictionFilter(),
  <SelectInput key="status" source="status" choices={caseStatusChoices} />,
  <SelectInput key="track" source="track" choices={trackChoices} />,
  <NullableBooleanInput key="proposed" source="proposed" />,
  <NullableBooleanInput key="excluded" source="excluded" />,
];

/** The cases: a table on a wide screen, cards on a phone (README "On a phone"). */
export const CaseList = () => (
  <ResponsiveList filters={caseFilters} sort={{ field: 'updatedAt', order: 'DESC' }} exporter={csvExporter}>
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<CaseCard />} cardsTestId="case-cards">
      <TextField source="operatorName" sortable={false} />
      <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <EnumField source="track" prefix="app.operator.track" sortable={false} />
      <EnumChipField source="status" prefix="app.case.status" colors={caseStatusColors} />
      <CurrentStepField source="currentStep" />
      <TotalScoreField source="totalScore" />
      <ProposedField source="proposed" sortable={false} />
      <EnumField source="excludedKind" prefix="app.case.excluded" sortable={false} />
      <DateTimeField source="updatedAt" />
    </ResponsiveDatagrid>
  </ResponsiveList>
);
