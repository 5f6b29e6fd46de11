import { AutocompleteInput, Datagrid, List, NumberField, NumberInput, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { ListActionsWithExports } from '../common/ExportButtons';
import { campaignStatusChoices, campaignStatusColors } from '../choices';
import { DateTimeField, EnumChipField, ProgrammeField } from '../common/fields';
import { useProgrammes } from '../common/programmes';
import { useLocalizedName } from '../common/useLocalizedName';
import type { Programme } from '../types';
import { CurrentStageField } from './CurrentStageField';
import { csvExporter } from '../common/csv';

const useCampaignFilters = () => {
  const { data: programmes = [] } = useProgrammes();
  const localized = useLocalizedName();
  return [
    <SelectInput key="status" source="status" choices={campaignStatusChoices} alwaysOn />,
    <SelectInput key="programme" source="programme" choices={programmes} optionText={(p: Programme) => localized(p)} translateChoice={false} alwaysOn />,
    <NumberInput key="year" source="year" />,
    <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="jurisdictions">
      <AutocompleteInput />
    </ReferenceInput>,
  ];
};

export const CampaignList = () => (
  <List filters={useCampaignFilters()} sort={{ field: 'launchedAt', order: 'DESC' }} exporter={csvExporter} actions={<ListActionsWithExports />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ProgrammeField source="programme" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <EnumChipField source="status" prefix="app.campaign.status" colors={campaignStatusColors} />
      <CurrentStageField source="currentStage" sortable={false} />
      <NumberField source="caseCount" sortable={false} />
      <DateTimeField source="launchedAt" />
    </Datagrid>
  </List>
);
