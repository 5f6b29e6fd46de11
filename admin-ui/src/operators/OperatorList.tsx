import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { ExportButtons } from '../common/ExportButtons';
import { operatorKindChoices, trackChoices } from '../choices';
import { DateTimeField, EnumField } from '../common/fields';
import { jurisdictionFilter } from '../common/filters';
import { canKeepRegister } from '../permissions';
import type { Role } from '../types';
import { ImportOperatorsButton } from './ImportOperatorsButton';
import { ImportCreditListButton } from './CreditLists';
import { ListFlagsField } from './OperatorFields';
import { csvExporter } from '../common/csv';

const operatorFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  jurisdictionFilter({ alwaysOn: true }),
  <SelectInput key="kind" source="kind" choices={operatorKindChoices} />,
  <SelectInput key="track" source="track" choices={trackChoices} />,
  <NullableBooleanInput key="abnormalListed" source="abnormalListed" />,
  <NullableBooleanInput key="dishonestListed" source="dishonestListed" />,
];

/** 调查摸底: county officers and coordinators register operators, one by one or by CSV. */
const OperatorListActions = () => {
  const { permissions } = usePermissions<Role>();
  const keeps = canKeepRegister(permissions);
  return (
    <TopToolbar>
      <FilterButton />
      {keeps && <CreateButton />}
      {keeps && <ImportOperatorsButton />}
      {keeps && <ImportCreditListButton list="abnormal" />}
      {keeps && <ImportCreditListButton list="dishonest" />}
      <ExportButtons />
    </TopToolbar>
  );
};

export const OperatorList = () => (
  <List filters={operatorFilters} sort={{ field: 'name', order: 'ASC' }} actions={<OperatorListActions />} exporter={csvExporter}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="uscc" />
      <EnumField source="kind" prefix="app.operator.kind" />
      <EnumField source="track" prefix="app.operator.track" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <DateTimeField source="registeredOn" showTime={false} />
      <ListFlagsField source="abnormalListed" label="app.operator.lists" sortable={false} />
    </Datagrid>
  </List>
);
