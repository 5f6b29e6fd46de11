import { Stack, Typography } from '@mui/material';
import { email, maxLength, regex, required, SelectInput, TextInput, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { roleChoices } from '../choices';
import { optionalReason } from '../common/AuditedEdit';
import { SubtreeJurisdictionInput } from '../jurisdictions/SubtreeJurisdictionInput';
import type { User } from '../types';

// The API's rules (api/resources/users.ts), checked here first so most mistakes show before saving.
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** The inputs the API reads, and the paths it reports problems on. */
export const USER_INPUTS = new Set(['username', 'displayName', 'role', 'jurisdictionId', 'phone', 'email', 'reason']);

/** The body of POST / PUT /api/users: the editable fields, trimmed (a blank phone or email clears it). */
export const userBody = (values: Partial<User> & { reason?: string }) => ({
  displayName: (values.displayName ?? '').trim(),
  role: values.role,
  jurisdictionId: values.jurisdictionId,
  phone: (values.phone ?? '').trim(),
  email: (values.email ?? '').trim(),
  ...optionalReason(values.reason),
});

/**
 * The inputs of a user (create and edit): the username only when creating (it never changes), the
 * jurisdiction among the admin's own subtree. An admin cannot change their own role or jurisdiction.
 */
export const UserInputs = ({ edit = false }: { edit?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<User>();
  const { identity } = useGetIdentity();
  const self = edit && !!record && record.id === identity?.id;
  return (
    <>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput
          source="username"
          disabled={edit}
          validate={edit ? undefined : [required(), regex(USERNAME, 'app.user.username_invalid')]}
          helperText={edit ? 'app.user.username_fixed' : 'app.user.username_helper'}
          autoComplete="off"
          sx={{ flex: 1 }}
        />
        <TextInput source="displayName" validate={[required(), maxLength(50)]} sx={{ flex: 1 }} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput
          source="role"
          choices={roleChoices}
          validate={required()}
          disabled={self}
          helperText={self ? 'app.user.self_fixed' : false}
          sx={{ minWidth: '14rem' }}
        />
        <SubtreeJurisdictionInput
          source="jurisdictionId"
          label="resources.users.fields.jurisdictionId"
          validate={required()}
          disabled={self}
          helperText={self ? 'app.user.self_fixed' : 'app.user.jurisdiction_helper'}
        />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="phone" validate={regex(PHONE, 'app.user.phone_invalid')} helperText="app.user.phone_helper" sx={{ flex: 1 }} />
        <TextInput source="email" validate={email('app.user.email_invalid')} helperText={false} sx={{ flex: 1 }} />
      </Stack>
      <TextInput source="reason" label="app.user.reason" helperText="app.user.reason_helper" validate={maxLength(500)} multiline fullWidth />
      {!edit && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.user.create_helper')}
        </Typography>
      )}
    </>
  );
};
