// The inputs of the green live room's 申报表 (domain/application-form.ts), shared by the county officer's
// filing dialog (campaigns/ApplicationsTab.tsx) and the live room's own pages in the portal
// (portal/zhoushan/): the same twelve fields, the same checks, the same body for the API.
import { ArrayInput, maxLength, minValue, NumberInput, required, SelectInput, SimpleFormIterator, TextInput, type Validator } from 'react-admin';
import { Stack } from '@mui/material';
import { platformChoices } from '../choices';
import { CheckboxInput } from '../common/CheckboxInput';
import type { ApplicationForm } from '../types';

/** The form's values as the inputs hold them (主营类目 as one text: one per line or separated by 、，,). */
export interface ApplicationFormValues {
  form?: Partial<Omit<ApplicationForm, 'mainCategories' | 'complianceStatement'>> & { complianceStatement?: boolean };
  mainCategories?: string;
}

export const APPLICATION_FORM_DEFAULTS = {
  form: {
    liveRoomName: '',
    address: '',
    contactName: '',
    contactPhone: '',
    platformAccounts: [{ platform: 'douyin', account: '' }],
    complianceStatement: false,
    introduction: '',
  },
  mainCategories: '',
};

export const splitList = (text?: string) =>
  (text ?? '')
    .split(/[\r\n,，、;；]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export const mustSign: Validator = (value) => (value === true ? undefined : 'app.application.must_sign');
const atLeastOneCategory: Validator = (value) => (splitList(value as string).length ? undefined : 'app.application.categories_required');
const phone: Validator = (value) => (value && !/^[0-9+\-\s]{7,20}$/.test(String(value).trim()) ? 'app.application.phone_invalid' : undefined);
const whole: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.application.whole_number' : undefined);

/** The body's form from the inputs' values (the statement ticked, or signed elsewhere). */
export const toApplicationForm = (values: ApplicationFormValues): ApplicationForm => {
  const form = values.form ?? {};
  const introduction = form.introduction?.trim();
  return {
    liveRoomName: (form.liveRoomName ?? '').trim(),
    address: (form.address ?? '').trim(),
    contactName: (form.contactName ?? '').trim(),
    contactPhone: (form.contactPhone ?? '').trim(),
    platformAccounts: (form.platformAccounts ?? []).map((a) => ({
      platform: a.platform,
      account: (a.account ?? '').trim(),
      ...(a.followers != null && String(a.followers) !== '' ? { followers: Number(a.followers) } : {}),
    })),
    mainCategories: splitList(values.mainCategories),
    streamerCount: Number(form.streamerCount),
    certifiedStreamers: Number(form.certifiedStreamers),
    annualSalesWan: Number(form.annualSalesWan),
    contentRetentionYears: Number(form.contentRetentionYears),
    complianceStatement: true as const,
    ...(introduction ? { introduction } : {}),
  };
};

/** The inputs' values of a form as filed (to edit it after a return). */
export const applicationFormValues = (form: Partial<ApplicationForm> & Record<string, unknown>): Required<ApplicationFormValues> => ({
  form: {
    liveRoomName: form.liveRoomName ?? '',
    address: form.address ?? '',
    contactName: form.contactName ?? '',
    contactPhone: form.contactPhone ?? '',
    platformAccounts: form.platformAccounts?.length ? form.platformAccounts.map((a) => ({ ...a })) : [{ platform: 'douyin', account: '' }],
    streamerCount: form.streamerCount,
    certifiedStreamers: form.certifiedStreamers,
    annualSalesWan: form.annualSalesWan,
    contentRetentionYears: form.contentRetentionYears,
    complianceStatement: form.complianceStatement === true,
    introduction: form.introduction ?? '',
  },
  mainCategories: (form.mainCategories ?? []).join('、'),
});

// Inputs by the path the API reports a problem on (form.mainCategories.0 → the text).
export const renameApplicationPath = (path: string) => (path.startsWith('form.mainCategories') ? 'mainCategories' : path);
export const isApplicationInput = (path: string) =>
  path === 'mainCategories' ||
  /^form\.(liveRoomName|address|contactName|contactPhone|streamerCount|certifiedStreamers|annualSalesWan|contentRetentionYears|complianceStatement|introduction)$/.test(
    path,
  ) ||
  /^form\.platformAccounts\.\d+\.(platform|account|followers)$/.test(path);

/**
 * The twelve fields of the form. `statement` false leaves out the compliance tick (the portal has the
 * live room sign the full statement instead, with its legal representative's name).
 */
export const ApplicationFormInputs = ({ statement = true }: { statement?: boolean }) => (
  <>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextInput source="form.liveRoomName" label="app.application.liveRoomName" validate={[required(), maxLength(100)]} />
      <TextInput source="form.address" label="app.application.address" validate={[required(), maxLength(200)]} />
    </Stack>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextInput source="form.contactName" label="app.application.contactName" validate={[required(), maxLength(50)]} />
      <TextInput source="form.contactPhone" label="app.application.contactPhone" validate={[required(), phone]} />
    </Stack>
    <ArrayInput source="form.platformAccounts" label="app.application.platformAccounts" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="platform" label="app.operator.platform_label" choices={platformChoices} validate={required()} />
        <TextInput source="account" label="app.operator.account" validate={required()} />
        <NumberInput source="followers" label="app.operator.followers" validate={[minValue(0), whole]} />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput
      source="mainCategories"
      label="app.application.mainCategories"
      helperText="app.application.mainCategories_helper"
      validate={atLeastOneCategory}
    />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <NumberInput source="form.streamerCount" label="app.application.streamerCount" validate={[required(), minValue(0), whole]} />
      <NumberInput
        source="form.certifiedStreamers"
        label="app.application.certifiedStreamers"
        helperText="app.application.certifiedStreamers_helper"
        validate={[required(), minValue(0), whole]}
      />
      <NumberInput source="form.annualSalesWan" label="app.application.annualSalesWan" validate={[required(), minValue(0)]} />
      <NumberInput
        source="form.contentRetentionYears"
        label="app.application.contentRetentionYears"
        helperText="app.application.contentRetentionYears_helper"
        validate={[required(), minValue(0)]}
      />
    </Stack>
    <TextInput source="form.introduction" label="app.application.introduction" multiline minRows={2} validate={maxLength(2000)} />
    {statement && <CheckboxInput source="form.complianceStatement" label="app.application.complianceStatement_label" validate={mustSign} />}
  </>
);
