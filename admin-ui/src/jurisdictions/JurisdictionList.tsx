import { CreateButton, Datagrid, List, ReferenceField, SearchInput, SelectInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import { ExportButtons } from '../common/ExportButtons';
import { jurisdictionLevelChoices } from '../choices';
import { EnumField } from '../common/fields';
import { canManageOrganisation } from '../permissions';
import type { Role } from '../types';
import { ImportJurisdictionsButton } from './ImportJurisdictionsButton';
import { csvExporter } from '../common/csv';

const jurisdictionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={jurisdictionLevelChoices} alwaysOn />,
];

/** 新增下级机构 and 批量导入 for admins, export for all. */
const JurisdictionListActions = () => {
  const { permissions } = usePermissions<Role>();
  const manages = canManageOrganisation(permissions);
  return (
    <TopToolbar>
      {manages && <CreateButton label="app.jurisdiction.create" data-testid="jurisdiction-create" />}
      {manages && <ImportJurisdictionsButton />}
      <ExportButtons />
    </TopToolbar>
  );
};

export const JurisdictionList = () => (
  <List filters={jurisdictionFilters} sort={{ field: 'path', order: 'ASC' }} perPage={50} exporter={csvExporter} actions={<JurisdictionListActions />}>
    <Datagrid bulkActionButtons={false} rowClick="show">
      <TextField source="id" />
      <TextField source="name" />
      <EnumField source="level" prefix="app.jurisdiction.level" />
      <ReferenceField source="parentId" reference="jurisdictions" link={false} sortable={false} />
      <TextField source="path" />
    </Datagrid>
  </List>
);
