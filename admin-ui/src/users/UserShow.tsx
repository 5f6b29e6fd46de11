import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  EditButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField } from '../common/fields';
import { canManageUsers } from '../permissions';
import type { Role } from '../types';
import { ResetPasswordButton, UserStatusButton } from './UserActions';
import { UserStatusField } from './UserFields';

/** 编辑, 停用/启用 and 重置密码 for admins; others read. */
const UserShowActions = () => {
  const { permissions } = usePermissions<Role>();
  if (!canManageUsers(permissions)) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton data-testid="user-edit" />
      <ResetPasswordButton />
      <UserStatusButton />
    </TopToolbar>
  );
};

/** The account's audited changes (created, edited, disabled, password reset…), newest first, with who and why. */
const UserHistory = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('app.user.history')}
      </Typography>
      <ReferenceManyField
        reference="audit-events"
        target="entityId"
        filter={{ entityType: 'user' }}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('app.user.no_history')}
          </Typography>
        }
      >
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="user-history">
          <DateTimeField source="at" sortable={false} />
          <EnumField source="action" prefix="app.user.action" sortable={false} />
          <ReferenceField source="actorId" reference="users" link={false} sortable={false} emptyText="—" />
          <TextField source="reason" sortable={false} emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumField source="role" prefix="app.role" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link="show" />
      <UserStatusField source="status" />
      <TextField source="phone" emptyText="—" />
      <TextField source="email" emptyText="—" />
      <DateTimeField source="disabledAt" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
    <UserHistory />
  </Show>
);
