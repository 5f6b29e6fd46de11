import { useMemo, useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  HttpError,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { encouragedCategoryChoices, influencerPlatformChoices, livePlatformChoices, productCategoryChoices } from '../choices';
import { CheckboxInput } from '../common/CheckboxInput';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import { ServerErrorsProvider, ServerFieldError } from '../common/ServerErrors';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage, problemOf, type Problem } from '../httpClient';
import type { Campaign, InfluencerApplicationForm, IntakeApplicationForm, Operator, ProductApplicationForm, Register } from '../types';
import { AttachmentInput } from './AttachmentInput';
import { FillFromWorkbook } from './FillFromWorkbook';

type Loose<T> = { [K in keyof T]?: unknown };

export interface ApplicationValues {
  campaignId?: string;
  operatorId?: string;
  form?: Loose<ProductApplicationForm> &
    Loose<InfluencerApplicationForm> & {
      dropshipping?: 'yes' | 'no' | boolean;
      liveLinks?: { platform?: string; url?: string }[];
      serviceHours?: { daysPerWeek?: number | string; hoursPerDay?: number | string };
      accounts?: Partial<Record<string, unknown>>[];
    };
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const num = (value: unknown) => (value == null || value === '' ? undefined : Number(value));
const ids = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

/**
 * The form as the API takes it. Blank items are left out rather than sent empty, so that the API
 * names each missing mandatory item (缺少必填项) in one refusal.
 */
export const productForm = (f: NonNullable<ApplicationValues['form']>): ProductApplicationForm => {
  const days = num(f.serviceHours?.daysPerWeek);
  const hours = num(f.serviceHours?.hoursPerDay);
  const materials = ids(f.materials);
  return {
    register: 'product',
    productName: text(f.productName),
    category: f.category || undefined,
    grade: text(f.grade),
    specifications: text(f.specifications),
    executionStandard: text(f.executionStandard),
    licences: ids(f.licences),
    testReports: ids(f.testReports),
    dropshipping: f.dropshipping === 'yes' || f.dropshipping === true ? true : f.dropshipping === 'no' || f.dropshipping === false ? false : undefined,
    liveLinks: (f.liveLinks ?? []).map((l) => ({ platform: l.platform, url: (l.url ?? '').trim() })),
    shipping: text(f.shipping),
    dailyVolume: num(f.dailyVolume),
    serviceHours: days != null && hours != null ? { daysPerWeek: days, hoursPerDay: hours } : undefined,
    ...(materials.length ? { materials } : {}),
  } as ProductApplicationForm;
};

export const influencerForm = (f: NonNullable<ApplicationValues['form']>): InfluencerApplicationForm => {
  const materials = ids(f.materials);
  const categories = ids(f.encouragedCategories);
  return {
    register: 'influencer',
    displayName: text(f.displayName),
    accounts: (f.accounts ?? []).map((a) => ({
      platform: a.platform,
      handle: String(a.handle ?? '').trim(),
      followers: num(a.followers) ?? 0,
      realNameVerified: !!a.realNameVerified,
      liveSellingEnabled: !!a.liveSellingEnabled,
    })),
    notUnderPenalty: !!f.notUnderPenalty,
    promotesLijiang: !!f.promotesLijiang,
    ...(categories.length ? { encouragedCategories: categories } : {}),
    ...(materials.length ? { materials } : {}),
  } as InfluencerApplicationForm;
};

const whole: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.application.whole_number' : undefined);

// Inputs of the forms, by the path the API reports a problem on (form.liveLinks.0.url…). A problem
// of a whole list or object (form.liveLinks, form.serviceHours) shows through <ServerFieldError>.
const LEAF =
  /^form\.(productName|category|grade|specifications|executionStandard|licences|testReports|materials|dropshipping|shipping|dailyVolume|serviceHours\.(daysPerWeek|hoursPerDay)|displayName|notUnderPenalty|promotesLijiang|encouragedCategories)$/;
const ROW = /^form\.(liveLinks\.\d+\.(platform|url)|accounts\.\d+\.(platform|handle|followers|realNameVerified|liveSellingEnabled))$/;
export const isInput = (path: string) => path === 'operatorId' || LEAF.test(path) || ROW.test(path);
// A bad id inside a list of attachments (form.licences.0) belongs to the list's input.
export const renamePath = (path: string) => path.replace(/^form\.(licences|testReports|materials|encouragedCategories)\.\d+$/, 'form.$1');

const yesNo = [
  { id: 'yes', name: 'app.common.yes' },
  { id: 'no', name: 'app.common.no' },
];

/** The product's inputs (附件1), shared with the applicants' portal (portal/lijiang/): one column on a phone. */
export const ProductInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1">{translate('app.register.section.product')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="form.productName" label="app.register.field.productName" validate={maxLength(100)} sx={{ flex: 1 }} />
        <SelectInput source="form.category" label="app.register.field.category" choices={productCategoryChoices} sx={{ flex: 1 }} />
      </Stack>
      <FormDataConsumer<ApplicationValues>>
        {({ formData }) =>
          formData.form?.category === 'primary_agricultural' ? (
            <TextInput source="form.grade" label="app.register.field.grade" helperText="app.register.help.grade" fullWidth />
          ) : null
        }
      </FormDataConsumer>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="form.specifications" label="app.register.field.specifications" validate={maxLength(500)} sx={{ flex: 1 }} />
        <TextInput
          source="form.executionStandard"
          label="app.register.field.executionStandard"
          helperText="app.register.help.executionStandard"
          sx={{ flex: 1 }}
        />
      </Stack>
      <Typography variant="subtitle1">{translate('app.register.section.documents')}</Typography>
      <AttachmentInput source="form.licences" label="app.register.field.licences" helperText="app.register.help.licences" testId="attachments-licences" />
      <AttachmentInput
        source="form.testReports"
        label="app.register.field.testReports"
        helperText="app.register.help.testReports"
        testId="attachments-testReports"
      />
      <Typography variant="subtitle1">{translate('app.register.section.sales')}</Typography>
      <RadioButtonGroupInput source="form.dropshipping" label="app.register.field.dropshipping" choices={yesNo} helperText="app.register.help.dropshipping" />
      <ArrayInput source="form.liveLinks" label="app.register.field.liveLinks">
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="platform" label="app.register.field.platform" choices={livePlatformChoices} validate={required()} />
          <TextInput source="url" label="app.register.field.url" validate={required()} sx={{ minWidth: { sm: '28rem' } }} />
        </SimpleFormIterator>
      </ArrayInput>
      <ServerFieldError source="form.liveLinks" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="form.shipping" label="app.register.field.shipping" helperText="app.register.help.shipping" sx={{ flex: 2 }} />
        <NumberInput source="form.dailyVolume" label="app.register.field.dailyVolume" validate={[minValue(0), whole]} sx={{ flex: 1 }} />
      </Stack>
      <Stack direction="row" spacing={2}>
        <NumberInput
          source="form.serviceHours.daysPerWeek"
          label="app.register.field.daysPerWeek"
          validate={[minValue(1), maxValue(7), whole]}
          min={1}
          max={7}
        />
        <NumberInput
          source="form.serviceHours.hoursPerDay"
          label="app.register.field.hoursPerDay"
          validate={[minValue(1), maxValue(24), whole]}
          min={1}
          max={24}
        />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.register.help.serviceHours')}
      </Typography>
      <ServerFieldError source="form.serviceHours" />
    </>
  );
};

/** The influencer's inputs (附件2), shared with the applicants' portal (portal/lijiang/). */
export const InfluencerInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1">{translate('app.register.section.influencer')}</Typography>
      <TextInput source="form.displayName" label="app.register.field.displayName" validate={maxLength(100)} sx={{ minWidth: { sm: '24rem' } }} />
      <ArrayInput source="form.accounts" label="app.register.field.accounts" helperText="app.register.help.accounts">
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="platform" label="app.register.field.platform" choices={influencerPlatformChoices} validate={required()} />
          <TextInput source="handle" label="app.register.field.handle" validate={required()} />
          <NumberInput source="followers" label="app.register.field.followers" validate={[required(), minValue(0), whole]} />
          <CheckboxInput source="realNameVerified" label="app.register.field.realNameVerified" />
          <CheckboxInput source="liveSellingEnabled" label="app.register.field.liveSellingEnabled" />
        </SimpleFormIterator>
      </ArrayInput>
      <ServerFieldError source="form.accounts" />
      <CheckboxInput source="form.notUnderPenalty" label="app.register.field.notUnderPenalty_label" />
      <CheckboxInput source="form.promotesLijiang" label="app.register.field.promotesLijiang_label" />
      <CheckboxGroupInput
        source="form.encouragedCategories"
        label="app.register.field.encouragedCategories"
        choices={encouragedCategoryChoices}
        helperText="app.register.help.encouraged"
      />
    </>
  );
};

const operatorText = (operator?: Operator) => (operator ? `${operator.name}（${operator.uscc}）` : '');

export const INTAKE_DEFAULTS: Record<Register, ApplicationValues['form']> = {
  product: { liveLinks: [{ platform: 'douyin', url: '' }], licences: [], testReports: [], materials: [] },
  influencer: {
    accounts: [{ platform: 'douyin', handle: '', followers: '', realNameVerified: false, liveSellingEnabled: false }],
    notUnderPenalty: false,
    promotesLijiang: false,
    encouragedCategories: [],
    materials: [],
  },
};

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="app.register.submit" data-testid="intake-submit" alwaysEnable />
  </Toolbar>
);

/**
 * 申报: a product (特色直播优质产品) or influencer (新媒体达人) application filed by the office, the
 * centre or a county officer for an operator (POST /api/campaigns/:id/intake-applications). The
 * API checks the intake standard and names every missing item; outside the application window it
 * refuses the application (409), shown as a notification. The campaign may come with the link
 * (?source={"campaignId":…}); with a single running Lijiang campaign it is chosen already.
 */
const ApplicationForm = ({ register }: { register: Register }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const fromLocation = useRecordContext<{ campaignId?: string; operatorId?: string }>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const { data: campaigns } = useGetList<Campaign>('campaigns', {
    filter: { programme: 'lijiang', status: 'running' },
    sort: { field: 'launchedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 2 },
  });
  const only = campaigns?.length === 1 ? campaigns[0]!.id : undefined;
  const campaignId = fromLocation?.campaignId ?? only;
  const operatorId = fromLocation?.operatorId;
  const record = useMemo(() => ({ campaignId, operatorId, form: INTAKE_DEFAULTS[register] }), [campaignId, operatorId, register]);

  const submit = async (values: ApplicationValues) => {
    setProblem(null);
    const raw = values.form ?? {};
    const form: IntakeApplicationForm = register === 'product' ? productForm(raw) : influencerForm(raw);
    try {
      const result = await dataProvider.fileIntakeApplication(values.campaignId ?? '', {
        operatorId: values.operatorId ?? '',
        form,
      });
      notify('app.register.filed', { type: 'success', messageArgs: { priority: result.priority } });
      redirect('show', 'register-entries', result.entryId);
      return undefined;
    } catch (error) {
      // 409: outside the application window, or the same product / account again.
      // A 400 is shown once, on the form (its alert and fields); anything else in a toast.
      if (!(error instanceof HttpError && error.status === 400)) notify(errorMessage(error), { type: 'error' });
      if (error instanceof HttpError && error.status === 400) {
        setProblem(problemOf(error));
        return inputErrors(error, isInput, renamePath);
      }
      return undefined;
    }
  };

  return (
    <ServerErrorsProvider problem={problem}>
      <SimpleForm record={record} onSubmit={submit} toolbar={<CreateToolbar />} data-testid={`intake-form-${register}`}>
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate(`app.register.create_helper.${register}`)}
        </Alert>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
          <ReferenceInput
            source="campaignId"
            reference="campaigns"
            filter={{ programme: 'lijiang', status: 'running' }}
            sort={{ field: 'launchedAt', order: 'DESC' }}
            perPage={100}
          >
            <SelectInput label="app.register.field.campaign" validate={required()} sx={{ minWidth: '20rem' }} />
          </ReferenceInput>
          <ReferenceInput source="operatorId" reference="operators" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="app.register.field.operator" optionText={operatorText} validate={required()} sx={{ minWidth: '28rem' }} />
          </ReferenceInput>
        </Stack>
        <FillFromWorkbook register={register} defaults={INTAKE_DEFAULTS[register]} />
        {register === 'product' ? <ProductInputs /> : <InfluencerInputs />}
        <Typography variant="subtitle1">{translate('app.register.section.materials')}</Typography>
        <AttachmentInput source="form.materials" label="app.register.field.materials" helperText="app.register.help.materials" testId="attachments-materials" />
        <ProblemAlert problem={problem} title="app.register.refused" testId="intake-problem" />
      </SimpleForm>
    </ServerErrorsProvider>
  );
};

export const ApplicationCreate = ({ register }: { register: Register }) => (
  <Create resource={`${register}-register`} title={`app.register.create_title.${register}`}>
    <ApplicationForm register={register} />
  </Create>
);

export const ProductApplicationCreate = () => <ApplicationCreate register="product" />;
export const InfluencerApplicationCreate = () => <ApplicationCreate register="influencer" />;
