import { Stack, Typography } from '@mui/material';
import { maxLength, required, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { AuditedEdit, optionalReason } from '../common/AuditedEdit';
import type { Jurisdiction } from '../types';

const Current = () => {
  const record = useRecordContext<Jurisdiction>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={0.5} sx={{ mb: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.jurisdiction.rename_helper', {
          name: record.name,
          level: translate(`app.jurisdiction.level.${record.level}`, { _: record.level }),
        })}
      </Typography>
    </Stack>
  );
};

/**
 * 更名 (admin): PUT /api/jurisdictions/:id {name, reason}. Only the name changes; the code, level and
 * parent of a jurisdiction stay (its records hang on the code). The reason goes to the audit trail.
 */
export const JurisdictionEdit = () => (
  <AuditedEdit
    title="app.jurisdiction.rename"
    testId="jurisdiction-rename-form"
    transform={(values: Partial<Jurisdiction> & { reason?: string }) => ({
      name: (values.name ?? '').trim(),
      ...optionalReason(values.reason),
    })}
  >
    <Current />
    <TextInput source="name" label="app.jurisdiction.new_name" validate={[required(), maxLength(50)]} sx={{ minWidth: '20rem' }} />
    <TextInput source="reason" label="app.user.reason" validate={[required(), maxLength(500)]} multiline fullWidth />
  </AuditedEdit>
);
