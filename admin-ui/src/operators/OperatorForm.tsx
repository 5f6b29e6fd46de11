import { Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  DateInput,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { trackChoices } from '../choices';
import { CheckboxInput } from '../common/CheckboxInput';
import type { Operator, PlatformAccount } from '../types';
import { useOperatorKinds } from './useOperatorKinds';

const whole: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.application.whole_number' : undefined);

/**
 * The body POST /api/operators and PUT /api/operators/:id take: registeredOn as YYYY-MM-DD (the
 * record carries an ISO instant at midnight UTC), platform accounts without blank followers.
 */
export const operatorBody = (values: Partial<Operator>) => {
  const accounts = Array.isArray(values.platformAccounts)
    ? (values.platformAccounts as Partial<PlatformAccount>[]).map((a) => ({
        platform: a.platform,
        account: (a.account ?? '').trim(),
        ...(a.followers != null && String(a.followers) !== '' ? { followers: Number(a.followers) } : {}),
      }))
    : undefined;
  const { platformAccounts: _accounts, registeredOn, track, ...rest } = values;
  return {
    ...rest,
    ...(registeredOn ? { registeredOn: String(registeredOn).slice(0, 10) } : {}),
    ...(accounts ? { platformAccounts: accounts } : {}),
    track: track || null,
    abnormalListed: !!values.abnormalListed,
    dishonestListed: !!values.dishonestListed,
  };
};

/** 调查摸底: one operator of the base register (create and edit; the USCC never changes). */
export const OperatorForm = ({ edit = false }: { edit?: boolean }) => {
  const translate = useTranslate();
  const { kindChoices, platformChoices } = useOperatorKinds();
  return (
    <SimpleForm>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="name" validate={required()} sx={{ flex: 1 }} />
        <TextInput
          source="uscc"
          validate={required()}
          disabled={edit}
          helperText={edit ? 'app.operator.uscc_fixed' : 'app.operator.uscc_helper'}
          sx={{ flex: 1 }}
        />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="kind" choices={kindChoices} translateChoice={false} validate={required()} />
        <ReferenceInput source="jurisdictionId" reference="jurisdictions">
          <AutocompleteInput validate={required()} sx={{ minWidth: '16rem' }} />
        </ReferenceInput>
        <DateInput source="registeredOn" validate={required()} />
        <SelectInput source="track" choices={trackChoices} emptyText="app.common.none" />
      </Stack>
      <ArrayInput source="platformAccounts">
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="platform" label="app.operator.platform_label" choices={platformChoices} validate={required()} />
          <TextInput source="account" label="app.operator.account" validate={required()} />
          <NumberInput source="followers" label="app.operator.followers" validate={[minValue(0), whole]} />
        </SimpleFormIterator>
      </ArrayInput>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('app.operator.lists')}
      </Typography>
      <CheckboxInput source="abnormalListed" label="app.operator.abnormal_listed" />
      <CheckboxInput source="dishonestListed" label="app.operator.dishonest_listed" />
      <Typography variant="body2" color="text.secondary">
        {translate('app.operator.lists_helper')}
      </Typography>
    </SimpleForm>
  );
};
