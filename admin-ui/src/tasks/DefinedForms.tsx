import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useLocaleState,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useLocalizedName } from '../common/useLocalizedName';
import type { FormFieldSpec, Named, Task } from '../types';
import { TaskForm } from './FormParts';

// Tasks of a programme defined as data: `form:<taskType>` tasks fill the fields the
// programme gives (details.form), the `rubric` task scores its items (details.items, vetoItems).

/** A field's label in the UI language. */
export const useFieldLabel = () => {
  const [locale] = useLocaleState();
  return (field: Pick<FormFieldSpec, 'label' | 'labelEn'>) => (locale === 'en' && field.labelEn ? field.labelEn : field.label);
};

const wholeNumber: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.city_audit.whole_points' : undefined);

/** One input per field of the programme's form, by its type. */
const FieldInput = ({ field }: { field: FormFieldSpec }) => {
  const fieldLabel = useFieldLabel();
  const label = fieldLabel(field);
  const source = `values.${field.key}`;
  const validate = field.required ? required() : undefined;
  switch (field.type) {
    case 'number':
      return <NumberInput source={source} label={label} validate={validate} />;
    case 'boolean':
      return <BooleanInput source={source} label={label} />;
    case 'date':
      return <DateInput source={source} label={label} validate={validate} />;
    case 'choice':
      return (
        <SelectInput
          source={source}
          label={label}
          validate={validate}
          choices={(field.options ?? []).map((o) => ({ id: o, name: o }))}
          translateChoice={false}
          emptyText={field.required ? undefined : 'app.common.none'}
        />
      );
    default:
      return <TextInput source={source} label={label} validate={validate} multiline fullWidth />;
  }
};

/** The body of a form task: one value per field; blank optional fields are left out. */
export const formBody = (fields: FormFieldSpec[], values: Record<string, unknown> = {}) =>
  Object.fromEntries(
    fields.flatMap((field) => {
      const value = values[field.key];
      switch (field.type) {
        case 'boolean':
          return [[field.key, !!value]];
        case 'number':
          return value == null || value === '' ? [] : [[field.key, Number(value)]];
        case 'date':
          return value ? [[field.key, String(value).slice(0, 10)]] : [];
        default: {
          const text = typeof value === 'string' ? value.trim() : value;
          return text == null || text === '' ? [] : [[field.key, text]];
        }
      }
    }),
  );

/** A `form:*` task of a defined programme. */
export const DefinedForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const fields = (task.details?.form ?? []) as FormFieldSpec[];
  if (!Array.isArray(fields) || !fields.length) {
    return <Alert severity="info">{translate('app.task.unsupported')}</Alert>;
  }
  // The form's values live under `values.` so that a field keyed "id" cannot clash with the record.
  const defaults = Object.fromEntries(fields.filter((f) => f.type === 'boolean').map((f) => [f.key, false]));
  return (
    <Box data-testid="defined-form">
      <TaskForm
        task={task}
        defaults={{ values: defaults }}
        onSubmit={(values: { values?: Record<string, unknown> }, complete) => complete(formBody(fields, values.values), (path) => `values.${path}`)}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        {fields.map((field) => (
          <FieldInput key={field.key} field={field} />
        ))}
      </TaskForm>
    </Box>
  );
};

interface RubricItem extends Named {
  points: number;
}

interface RubricValues {
  points?: Record<string, number | string | null>;
  vetoes?: string[];
  comment?: string;
}

// The live total counts each item at most at its points, and a negative as 0: a value out of range is
// flagged on its input and refused by the API, and must not inflate the total meanwhile.
const sum = (points: RubricValues['points'], items: RubricItem[]) =>
  items.reduce((total, item) => {
    const value = Number(points?.[item.key]);
    return total + (Number.isFinite(value) ? Math.min(Math.max(value, 0), item.points) : 0);
  }, 0);

/** The rubric task: points per item (each at most the item's points), veto items, the total shown. */
export const RubricForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const items = (task.details?.items ?? []) as RubricItem[];
  const vetoItems = (task.details?.vetoItems ?? []) as Named[];
  const max = items.reduce((total, item) => total + item.points, 0);
  return (
    <Stack spacing={2} data-testid="rubric-form">
      <Alert severity="info">{translate('app.city_audit.no_total')}</Alert>
      <TaskForm
        task={task}
        defaults={{ points: {}, vetoes: [], comment: '' }}
        onSubmit={(values: RubricValues, complete) => {
          const comment = values.comment?.trim();
          return complete({
            points: Object.fromEntries(items.map((item) => [item.key, Number(values.points?.[item.key] ?? 0)])),
            vetoes: values.vetoes ?? [],
            ...(comment ? { comment } : {}),
          });
        }}
        spacing={1}
        sx={{ maxWidth: '64rem' }}
      >
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {items.map((item) => (
            <NumberInput
              key={item.key}
              source={`points.${item.key}`}
              label={localized(item)}
              helperText={translate('app.city_audit.max', { max: item.points })}
              validate={[required(), minValue(0), maxValue(item.points), wholeNumber]}
              min={0}
              max={item.points}
              step={1}
              sx={{ width: '14rem' }}
            />
          ))}
        </Stack>
        <FormDataConsumer<RubricValues>>
          {({ formData }) => (
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, py: 1, borderTop: 1, borderColor: 'divider' }}>
              <Typography variant="subtitle1">{translate('app.city_audit.total')}</Typography>
              <Typography variant="h5" component="span" data-testid="rubric-total">
                {sum(formData.points, items)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('app.programme.of_max', { max })}
              </Typography>
            </Box>
          )}
        </FormDataConsumer>
        {vetoItems.length > 0 && (
          <CheckboxGroupInput
            source="vetoes"
            label="app.city_audit.veto_items"
            choices={vetoItems.map((v) => ({ id: v.key, name: localized(v) }))}
            translateChoice={false}
            row={false}
            helperText="app.city_audit.veto_helper"
          />
        )}
        <TextInput source="comment" label="app.city_audit.comment" multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
