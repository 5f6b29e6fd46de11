import { Alert, Box, Stack, Typography } from '@mui/material';
import { CheckboxGroupInput, FormDataConsumer, maxValue, minValue, NumberInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { useLocalizedName } from '../common/useLocalizedName';
import type { Named, RubricGroup, Task } from '../types';
import { ApplicationDetails } from './ApplicationDetails';
import { TaskForm } from './FormParts';

interface AuditValues {
  points?: Record<string, number | string | null>;
  vetoes?: string[];
  comment?: string;
}

const wholePoints: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.city_audit.whole_points' : undefined);

/**
 * The points typed so far (blank counts as 0), each counted up to its criterion's maximum: a value over it
 * is refused by its own input, and the total never shows more than the rubric allows.
 */
export const sumPoints = (points: AuditValues['points'], keys: string[], maxOf: Record<string, number> = {}) =>
  keys.reduce((sum, key) => {
    const value = Number(points?.[key]);
    const max = maxOf[key] ?? Infinity;
    return sum + (Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : 0);
  }, 0);

/** The rubric's criterion keys in order. */
export const criterionKeys = (rubric: RubricGroup[]) => rubric.flatMap((g) => g.criteria.map((c) => c.key));

const AuditTotal = ({ keys, max, maxOf }: { keys: string[]; max: number; maxOf: Record<string, number> }) => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<AuditValues>>
      {({ formData }) => {
        const filled = keys.filter((k) => formData.points?.[k] != null && formData.points[k] !== '').length;
        return (
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, py: 1, borderTop: 1, borderColor: 'divider' }}>
            <Typography variant="subtitle1">{translate('app.city_audit.total')}</Typography>
            <Typography variant="h5" component="span" data-testid="audit-total">
              {sumPoints(formData.points, keys, maxOf)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.city_audit.total_of', { max, filled, count: keys.length })}
            </Typography>
          </Box>
        );
      }}
    </FormDataConsumer>
  );
};

const VetoWarning = ({ vetoItems }: { vetoItems: Named[] }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  return (
    <FormDataConsumer<AuditValues>>
      {({ formData }) => {
        const chosen = vetoItems.filter((v) => formData.vetoes?.includes(v.key));
        return chosen.length ? (
          <Alert severity="error" data-testid="veto-warning">
            {translate('app.city_audit.vetoed', { items: chosen.map(localized).join('、') })}
          </Alert>
        ) : (
          <Alert severity="warning">{translate('app.city_audit.veto_helper')}</Alert>
        );
      }}
    </FormDataConsumer>
  );
};

/**
 * 市局审核: points per criterion of the 培育准则 (four groups of three), each at most the campaign's
 * points for it, with the running total as the auditor types; veto items fail the audit whatever
 * the points. Only the parts are sent: the API computes the total.
 */
export const CityAuditForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const rubric = task.details?.rubric ?? [];
  const maxOf = task.details?.criterionPoints ?? {};
  const vetoItems = task.details?.vetoItems ?? [];
  const keys = criterionKeys(rubric);
  const maxTotal = keys.reduce((sum, k) => sum + (maxOf[k] ?? 0), 0);
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle1">{translate('app.application.title')}</Typography>
      <ApplicationDetails application={task.details?.application} />
      <Alert severity="info">{translate('app.city_audit.no_total')}</Alert>
      <Box data-testid="city-audit-form">
        <TaskForm
          task={task}
          defaults={{ points: {}, vetoes: [], comment: '' }}
          onSubmit={(values: AuditValues, complete) => {
            const comment = values.comment?.trim();
            return complete({
              points: Object.fromEntries(keys.map((k) => [k, Number(values.points?.[k] ?? 0)])),
              vetoes: values.vetoes ?? [],
              ...(comment ? { comment } : {}),
            });
          }}
          spacing={1}
          sx={{ maxWidth: '64rem' }}
        >
          {rubric.map((group) => (
            <Box key={group.key} data-testid={`rubric-${group.key}`}>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {translate('app.city_audit.group', {
                  name: localized(group),
                  max: group.criteria.reduce((sum, c) => sum + (maxOf[c.key] ?? 0), 0),
                })}
              </Typography>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {group.criteria.map((criterion) => {
                  const max = maxOf[criterion.key] ?? 0;
                  return (
                    <NumberInput
                      key={criterion.key}
                      source={`points.${criterion.key}`}
                      label={localized(criterion)}
                      helperText={translate('app.city_audit.max', { max })}
                      validate={[required(), minValue(0), maxValue(max), wholePoints]}
                      min={0}
                      max={max}
                      step={1}
                      sx={{ width: '14rem' }}
                    />
                  );
                })}
              </Stack>
            </Box>
          ))}
          <AuditTotal keys={keys} max={maxTotal} maxOf={maxOf} />
          <CheckboxGroupInput
            source="vetoes"
            label="app.city_audit.veto_items"
            choices={vetoItems.map((v) => ({ id: v.key, name: localized(v) }))}
            translateChoice={false}
            row={false}
          />
          <VetoWarning vetoItems={vetoItems} />
          <TextInput source="comment" label="app.city_audit.comment" multiline minRows={2} />
        </TaskForm>
      </Box>
    </Stack>
  );
};
