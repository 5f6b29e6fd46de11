import { BooleanInput, Datagrid, List, NullableBooleanInput, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { taskStatusChoices, taskStatusColors, taskTypeChoices } from '../choices';
import { DateTimeField, EnumChipField, EnumField, OverdueField, StageField } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { useStageChoices } from '../common/programmes';
import { TaskBulkActions } from './TaskBulkActions';
import { csvExporter } from '../common/csv';

// Only filters the API accepts: an unknown filter field is a 400.
const useTaskFilters = () => {
  const stageChoices = useStageChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
    <NullableBooleanInput key="overdue" source="overdue" />,
    campaignFilter({ alwaysOn: false }),
    <SelectInput key="stageKey" source="stageKey" choices={stageChoices} translateChoice={false} />,
    <SelectInput key="type" source="type" choices={taskTypeChoices} />,
    <BooleanInput key="mine" source="mine" defaultValue />,
  ];
};

export const TaskList = () => (
  <List
    title="app.task.list_title"
    filters={useTaskFilters()}
    filterDefaultValues={{ status: 'open' }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={csvExporter}
  >
    <Datagrid rowClick="show" bulkActionButtons={<TaskBulkActions />}>
      <TextField source="title" />
      <EnumField source="type" prefix="app.task.type" />
      <StageField source="stageKey" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <TextField source="claimedByName" sortable={false} emptyText="" />
      <DateTimeField source="dueAt" />
      <OverdueField source="overdue" sortable={false} />
      <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
    </Datagrid>
  </List>
);
