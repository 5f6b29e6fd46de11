import { useState } from 'react';
import { Create, SimpleForm, useNotify, useRedirect, useTranslate } from 'react-admin';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemOf, type Problem } from '../httpClient';
import type { Role, User } from '../types';
import { createUser, type WithTemporaryPassword } from './api';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { USER_INPUTS, userBody, UserInputs } from './UserForm';

type Values = Partial<User> & { reason?: string };

/**
 * 新增用户 (admin): POST /api/users, then the temporary password in a dialog, this once; closing it
 * opens the new user's page. The call bypasses the data provider so the password stays out of
 * react-admin's cache.
 */
export const UserCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<(User & WithTemporaryPassword) | null>(null);
  const submit = async (values: Values) => {
    setProblem(null);
    try {
      const user = await createUser({
        ...userBody(values),
        username: (values.username ?? '').trim().toLowerCase(),
        role: values.role as Role,
        jurisdictionId: String(values.jurisdictionId ?? ''),
      });
      setCreated(user);
      notify('app.user.created', { type: 'success', messageArgs: { name: user.displayName } });
      return undefined;
    } catch (error) {
      setProblem(problemOf(error));
      return inputErrors(error, (path) => USER_INPUTS.has(path));
    }
  };
  return (
    <Create title={translate('app.user.create')}>
      <SimpleForm onSubmit={(values: Values) => submit(values)} data-testid="user-form">
        <UserInputs />
        <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="user-problem" />
      </SimpleForm>
      {created && (
        <TemporaryPasswordDialog
          open
          title="app.user.created_title"
          username={created.username}
          displayName={created.displayName}
          password={created.temporaryPassword}
          onClose={() => {
            const id = created.id;
            setCreated(null);
            redirect('show', 'users', id);
          }}
        />
      )}
    </Create>
  );
};
