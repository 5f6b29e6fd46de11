import { AuditedEdit } from '../common/AuditedEdit';
import { userBody, UserInputs } from './UserForm';

/**
 * 编辑用户 (admin): PUT /api/users/:id with the editable fields and the reason (audited). Disabling and
 * the password have their own buttons on the user's page; the API deletes no users (they are
 * disabled instead).
 */
export const UserEdit = () => (
  <AuditedEdit title="app.user.edit" testId="user-form" transform={userBody}>
    <UserInputs edit />
  </AuditedEdit>
);
