import { useMemo, useState, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Form,
  FormDataConsumer,
  Loading,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  useDataProvider,
  useGetOne,
  useLocation,
  useNotify,
  useParams,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { formFieldTypeChoices, programmeRoleChoices } from '../choices';
import { inputErrors } from '../common/formErrors';
import { ServerErrorsProvider, ServerFieldError } from '../common/ServerErrors';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage, problemOf, type Problem } from '../httpClient';
import type { ProgrammeRecord } from '../types';
import { editorPath, EMPTY_SPEC, isEditorInput, pointsSum, specToValues, valuesToSpec, type SpecValues } from './spec';

const PROGRAMME_ID = /^[a-z][a-z0-9_]{2,40}$/;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const programmeId: Validator = (value) => (value && !PROGRAMME_ID.test(String(value)) ? 'app.programme.id_invalid' : undefined);
const key: Validator = (value) => (value && !KEY.test(String(value)) ? 'app.programme.key_invalid' : undefined);
const monthDay: Validator = (value) => (value && !/^\d{2}-\d{2}$/.test(String(value)) ? 'app.programme.month_day_invalid' : undefined);
const whole: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.application.whole_number' : undefined);

/** Choices of keyed items typed so far (the task types for a stage, the stages for the rubric). */
const keyedChoices = (items?: { key?: string; name?: string }[]) =>
  (items ?? []).filter((item) => item?.key).map((item) => ({ id: item.key!, name: item.name ? `${item.name}（${item.key}）` : item.key! }));

const StageTaskTypesInput = () => (
  <Box>
    <FormDataConsumer<SpecValues>>
      {({ formData }) => (
        <SelectArrayInput
          source="taskTypes"
          label="app.programme.stage_task_types"
          choices={keyedChoices(formData.taskTypes)}
          translateChoice={false}
          sx={{ minWidth: '16rem' }}
          helperText="app.programme.stage_task_types_helper"
        />
      )}
    </FormDataConsumer>
    <ServerFieldError source="taskTypes" nested />
  </Box>
);

const StagesInput = () => (
  <Section title="app.programme.stages" path="stages">
    <TextInput
      source="defaultStart"
      label="app.programme.defaultStart"
      helperText="app.programme.defaultStart_helper"
      validate={[required(), monthDay]}
      sx={{ width: '16rem' }}
    />
    <ArrayInput source="stages" label={false}>
      <SimpleFormIterator inline>
        <TextInput source="key" label="app.programme.key" validate={[required(), key]} sx={{ width: '10rem' }} />
        <TextInput source="name" label="app.programme.name" validate={required()} sx={{ width: '10rem' }} />
        <TextInput source="nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '12rem' }} />
        <NumberInput
          source="durationDays"
          label="app.programme.durationDays"
          validate={[required(), minValue(1), maxValue(366), whole]}
          sx={{ width: '8rem' }}
        />
        <StageTaskTypesInput />
      </SimpleFormIterator>
    </ArrayInput>
  </Section>
);

/** A choice field's options (一行一项), only for type choice. */
const OptionsInput = () => (
  <FormDataConsumer<SpecValues>>
    {({ scopedFormData }) =>
      (scopedFormData as { type?: string } | undefined)?.type === 'choice' ? (
        <TextInput source="optionsText" label="app.programme.options" helperText="app.programme.options_helper" multiline sx={{ width: '14rem' }} />
      ) : null
    }
  </FormDataConsumer>
);

const TaskTypesInput = () => {
  const translate = useTranslate();
  return (
    <Section title="app.programme.task_types" path="taskTypes">
      <ArrayInput source="taskTypes" label={false}>
        <SimpleFormIterator>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <TextInput source="key" label="app.programme.key" validate={[required(), key]} sx={{ width: '10rem' }} />
            <TextInput source="name" label="app.programme.name" validate={required()} sx={{ width: '12rem' }} />
            <TextInput source="nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '14rem' }} />
            <SelectInput source="role" label="app.programme.role" choices={programmeRoleChoices} validate={required()} sx={{ width: '12rem' }} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('app.programme.form_fields')}
          </Typography>
          <ArrayInput source="form" label={false}>
            <SimpleFormIterator inline>
              <TextInput source="key" label="app.programme.key" validate={[required(), key]} sx={{ width: '9rem' }} />
              <TextInput source="label" label="app.programme.label" validate={required()} sx={{ width: '10rem' }} />
              <TextInput source="labelEn" label="app.programme.labelEn" validate={required()} sx={{ width: '10rem' }} />
              <SelectInput source="type" label="app.programme.field_type_label" choices={formFieldTypeChoices} validate={required()} sx={{ width: '9rem' }} />
              <BooleanInput source="required" label="app.programme.required" />
              <OptionsInput />
            </SimpleFormIterator>
          </ArrayInput>
          <ServerFieldError source="form" />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  );
};

/** The points typed so far against the 100 they must add up to. */
const PointsSum = () => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<SpecValues>>
      {({ formData }) => {
        const sum = pointsSum(formData.rubric?.items);
        return (
          <Typography variant="subtitle2" color={sum === 100 ? 'success.main' : 'warning.main'} data-testid="rubric-points-sum">
            {translate('app.programme.points_sum', { sum })}
          </Typography>
        );
      }}
    </FormDataConsumer>
  );
};

const RubricInput = () => {
  const translate = useTranslate();
  return (
    <Section title="app.programme.rubric" path="rubric">
      <Stack direction="row" spacing={2}>
        <FormDataConsumer<SpecValues>>
          {({ formData }) => (
            <SelectInput
              source="rubric.stageKey"
              label="app.programme.rubric_stage"
              choices={keyedChoices(formData.stages)}
              translateChoice={false}
              validate={required()}
              sx={{ width: '14rem' }}
            />
          )}
        </FormDataConsumer>
        <SelectInput source="rubric.role" label="app.programme.role" choices={programmeRoleChoices} validate={required()} sx={{ width: '12rem' }} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {translate('app.programme.rubric_items')}
      </Typography>
      <ArrayInput source="rubric.items" label={false}>
        <SimpleFormIterator inline>
          <TextInput source="key" label="app.programme.key" validate={[required(), key]} sx={{ width: '10rem' }} />
          <TextInput source="name" label="app.programme.name" validate={required()} sx={{ width: '12rem' }} />
          <TextInput source="nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '14rem' }} />
          <NumberInput source="points" label="app.programme.points" validate={[required(), minValue(1), maxValue(100), whole]} sx={{ width: '8rem' }} />
        </SimpleFormIterator>
      </ArrayInput>
      <PointsSum />
      <ServerFieldError source="rubric.items" />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.programme.veto_items')}
      </Typography>
      <ArrayInput source="rubric.vetoItems" label={false}>
        <SimpleFormIterator inline>
          <TextInput source="key" label="app.programme.key" validate={[required(), key]} sx={{ width: '10rem' }} />
          <TextInput source="name" label="app.programme.name" validate={required()} sx={{ width: '12rem' }} />
          <TextInput source="nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '14rem' }} />
        </SimpleFormIterator>
      </ArrayInput>
      <ServerFieldError source="rubric.vetoItems" />
    </Section>
  );
};

const RosterInput = () => (
  <Section title="app.programme.roster" path="roster">
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextInput source="roster.name" label="app.programme.name" validate={required()} sx={{ width: '16rem' }} />
      <TextInput source="roster.nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '16rem' }} />
      <NumberInput source="roster.threshold" label="app.programme.threshold" validate={[minValue(0), maxValue(100)]} sx={{ width: '10rem' }} />
      <NumberInput source="roster.quota" label="app.programme.quota" validate={[minValue(1), whole]} sx={{ width: '10rem' }} />
    </Stack>
    <Typography variant="caption" color="text.secondary">
      {useTranslate()('app.programme.roster_helper')}
    </Typography>
    <ServerFieldError source="roster" />
  </Section>
);

/** A titled part of the editor; `path` is the part of the spec it holds (for the tests and errors). */
const Section = ({ title, path, children }: { title: string; path: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box data-testid={`programme-section-${path}`} sx={{ width: '100%', mt: 2 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** Every problem the API found, with the path it concerns (stages.1.taskTypes, rubric.items…). */
const ProblemList = ({ problem, onClose }: { problem: Problem | null; onClose: () => void }) => {
  const translate = useTranslate();
  if (!problem) return null;
  return (
    <Alert severity="error" onClose={onClose} data-testid="programme-problems">
      <AlertTitle>{problem.fields.length ? translate('app.programme.invalid', { smart_count: problem.fields.length }) : problem.message}</AlertTitle>
      {problem.fields.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {problem.fields.map((f, i) => (
            <li key={`${f.path}-${i}`} data-path={f.path}>
              <Box component="code" sx={{ mr: 1 }}>
                {f.path}
              </Box>
              {f.message}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
};

/**
 * The programme editor: a new programme (POST /api/programmes, version 1) or the next version of a
 * defined one (PUT /api/programmes/:id). The API checks the spec (roles, rubric points adding up to
 * 100, every stage with a task type except the rubric stage, unique keys, known task types and field
 * types, a roster threshold or quota); each problem shows at its input and in the list on top.
 */
const ProgrammeEditorForm = ({ initial, editId }: { initial: SpecValues; editId?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMemo(() => ({ ...initial }), [initial]);
  const submit = async (values: SpecValues) => {
    setProblem(null);
    const spec = valuesToSpec(values);
    try {
      if (editId) await dataProvider.updateProgramme(editId, { ...spec, id: editId });
      else await dataProvider.createProgramme(spec);
      notify(editId ? 'app.programme.revised' : 'app.programme.defined', { type: 'success' });
      redirect('show', 'programmes', editId ?? spec.id);
      return undefined;
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return inputErrors(error, isEditorInput, editorPath);
    }
  };
  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <ServerErrorsProvider problem={problem}>
          <Form record={record} onSubmit={(values: unknown) => submit(values as SpecValues)}>
            <Stack spacing={1} data-testid="programme-editor">
              <Alert severity="info">{translate('app.programme.editor_helper')}</Alert>
              <ProblemList problem={problem} onClose={() => setProblem(null)} />
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <TextInput
                  source="id"
                  label="app.programme.id"
                  helperText="app.programme.id_helper"
                  validate={[required(), programmeId]}
                  disabled={!!editId}
                  sx={{ width: '16rem' }}
                />
                <TextInput source="name" label="app.programme.name" validate={required()} sx={{ width: '20rem' }} />
                <TextInput source="nameEn" label="app.programme.nameEn" validate={required()} sx={{ width: '24rem' }} />
              </Stack>
              <TextInput source="clause" label="app.programme.clause" helperText="app.programme.clause_helper" fullWidth />
              <TaskTypesInput />
              <StagesInput />
              <ServerFieldError source="stages" />
              <RubricInput />
              <RosterInput />
              <Box sx={{ pt: 2 }}>
                <SaveButton label={editId ? 'app.programme.save_version' : 'app.programme.save_new'} data-testid="programme-save" alwaysEnable />
              </Box>
            </Stack>
          </Form>
        </ServerErrorsProvider>
      </CardContent>
    </Card>
  );
};

/** A copy's values: the spec of `source` under a new id and name, for the user to change. */
const copyValues = (source: ProgrammeRecord, translate: (key: string, options?: object) => string): SpecValues | undefined => {
  if (!source.spec) return undefined;
  const values = specToValues(source.spec);
  return {
    ...values,
    // Programme ids are at most 41 characters (PROGRAMME_ID).
    id: `${values.id.slice(0, 36)}_copy`,
    name: translate('app.programme.copy_name', { name: values.name }),
    nameEn: `${values.nameEn} (copy)`,
  };
};

/** 复制为模板 (#/programmes/create?copyFrom=<id>): a new programme starting from another one's spec. */
const CopiedProgramme = ({ from }: { from: string }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<ProgrammeRecord>('programmes', { id: from });
  const initial = useMemo(() => (data ? copyValues(data, translate) : undefined), [data, translate]);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (!data || !initial) return <Alert severity="warning">{translate('app.programme.built_in_read_only')}</Alert>;
  return (
    <>
      <Title title={translate('app.programme.copy_title', { name: data.name })} />
      <Alert severity="info" sx={{ mt: 1 }} data-testid="programme-copy-from">
        {translate('app.programme.copy_helper', { name: data.name, owner: data.jurisdictionName ?? '' })}
      </Alert>
      <ProgrammeEditorForm initial={initial} />
    </>
  );
};

export const ProgrammeCreate = () => {
  const from = new URLSearchParams(useLocation().search).get('copyFrom');
  if (from) return <CopiedProgramme from={from} />;
  return (
    <>
      <Title title="app.programme.create_title" />
      <ProgrammeEditorForm initial={EMPTY_SPEC} />
    </>
  );
};

/** The next version of a defined programme; built-ins are read-only. */
export const ProgrammeEdit = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<ProgrammeRecord>('programmes', { id });
  const initial = useMemo(() => (data?.spec ? specToValues(data.spec) : undefined), [data]);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (!data || data.builtIn || !initial) {
    return <Alert severity="warning">{translate('app.programme.built_in_read_only')}</Alert>;
  }
  // Another jurisdiction's programme: the API would refuse the revision (403); it can be copied instead.
  if (data.canRevise === false) {
    return (
      <Alert severity="warning" data-testid="programme-not-yours">
        {translate('app.programme.revise_refused', { owner: data.jurisdictionName ?? '' })}
      </Alert>
    );
  }
  return (
    <>
      <Title title={translate('app.programme.edit_title', { name: data.name, version: (data.version ?? 0) + 1 })} />
      <ProgrammeEditorForm initial={initial} editId={String(data.id)} />
    </>
  );
};
