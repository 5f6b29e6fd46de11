import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import type { User } from '../types';

/** 在用 / 已停用, and 待修改密码 while a temporary password is unchanged. */
export const UserStatusField = (_props: CustomFieldProps) => {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={0.5} data-testid="user-status" data-disabled={!!user.disabled}>
      <Chip
        size="small"
        color={user.disabled ? 'default' : 'success'}
        variant={user.disabled ? 'outlined' : 'filled'}
        label={translate(user.disabled ? 'app.user.status.disabled' : 'app.user.status.active')}
      />
      {user.mustChangePassword && !user.disabled && <Chip size="small" color="warning" variant="outlined" label={translate('app.user.must_change')} />}
    </Stack>
  );
};
