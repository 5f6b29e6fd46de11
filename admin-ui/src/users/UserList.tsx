import { CreateButton, Datagrid, FilterButton, List, ReferenceField, SearchInput, SelectInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import { roleChoices } from '../choices';
import { DateTimeField, EnumField } from '../common/fields';
import { jurisdictionFilter } from '../common/filters';
import { canManageUsers } from '../permissions';
import type { Role } from '../types';
import { ImportUsersButton } from './ImportUsersButton';
import { UserStatusField } from './UserFields';

// GET /api/users filters: q (username or name), role, jurisdictionId, disabled.
const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  jurisdictionFilter({ alwaysOn: true }),
  <SelectInput
    key="disabled"
    source="disabled"
    label="resources.users.fields.status"
    choices={[
      { id: 'false', name: 'app.user.status.active' },
      { id: 'true', name: 'app.user.status.disabled' },
    ]}
    alwaysOn
  />,
];

/** 新增 and 批量导入 for admins; coordinators and leaders read the list. */
const UserListActions = () => {
  const { permissions } = usePermissions<Role>();
  const manages = canManageUsers(permissions);
  return (
    <TopToolbar>
      <FilterButton />
      {manages && <CreateButton label="app.user.create" data-testid="user-create" />}
      {manages && <ImportUsersButton />}
    </TopToolbar>
  );
};

/** 用户管理: the users of the caller's subtree. */
export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'username', order: 'ASC' }} actions={<UserListActions />}>
    <Datagrid bulkActionButtons={false} rowClick="show" data-testid="users">
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumField source="role" prefix="app.role" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <UserStatusField source="status" sortable={false} />
      <DateTimeField source="createdAt" />
    </Datagrid>
  </List>
);
