import { useState } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { FormDataConsumer, RadioButtonGroupInput, required, SelectInput, TextInput, useTranslate, type Validator } from 'react-admin';
import { inspectionFindingChoices, inspectionMethodChoices } from '../choices';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import type { InspectionBody, InspectionFinding, InspectionMethod, Measure, Named, SelfCheckArea, Task } from '../types';
import { MeasureInput, RectifyByInput, TaskForm } from './FormParts';
import { EvidenceInput, evidenceOf } from '../common/FilesPanel';

/** `not_checked`: the area was not part of this inspection (it is not sent). */
type AreaFinding = InspectionFinding | 'not_checked';

interface AreaValues {
  key: string;
  finding?: AreaFinding | null;
  description?: string;
}

const areaFindingChoices = [{ id: 'not_checked', name: 'app.inspection.not_checked' }, ...inspectionFindingChoices];

const isChecked = (finding?: AreaFinding | null): finding is InspectionFinding => !!finding && finding !== 'not_checked';

interface InspectionValues {
  method?: InspectionMethod;
  areas?: AreaValues[];
  violation?: string;
  measure?: Measure;
  rectifyBy?: string;
  note?: string;
  evidence?: string[];
}

const findingsOf = (areas: AreaValues[] = []) => ({
  serious: areas.some((a) => a.finding === 'serious'),
  minor: areas.some((a) => a.finding === 'minor'),
});

// A description is required for every minor or serious finding (the API refuses otherwise).
const requiredIfFinding =
  (index: number): Validator =>
  (value, values: InspectionValues) => {
    const finding = values?.areas?.[index]?.finding;
    return isChecked(finding) && finding !== 'ok' && !String(value ?? '').trim() ? 'app.inspection.description_required' : undefined;
  };

/** Form values → the body: only the areas the officer inspected, and only the fields that apply. */
const toBody = (values: InspectionValues): { body: InspectionBody; sent: number[] } => {
  const sent: number[] = [];
  const areas = (values.areas ?? []).flatMap((area, index) => {
    if (!isChecked(area.finding)) return [];
    sent.push(index);
    const description = area.description?.trim();
    return [{ key: area.key, finding: area.finding, ...(description ? { description } : {}) }];
  });
  const { serious, minor } = findingsOf(values.areas);
  const note = values.note?.trim();
  return {
    sent,
    body: {
      method: values.method!,
      areas,
      ...(serious ? { violation: values.violation } : {}),
      ...(!serious && minor ? { measure: values.measure, rectifyBy: values.rectifyBy } : {}),
      ...(note ? { note } : {}),
      ...evidenceOf(values),
    },
  };
};

const AreaRow = ({ area, index }: { area: SelfCheckArea; index: number }) => {
  const localized = useLocalizedName();
  return (
    <FormDataConsumer<InspectionValues>>
      {({ formData }) => {
        const finding = formData.areas?.[index]?.finding;
        return (
          <Box
            data-testid={`area-${area.key}`}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', md: '10rem auto minmax(12rem, 1fr)' },
              columnGap: 2,
              alignItems: 'center',
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            <Typography variant="body1" color={isChecked(finding) ? 'text.primary' : 'text.secondary'}>
              {index + 1}. {localized(area)}
            </Typography>
            <RadioButtonGroupInput source={`areas.${index}.finding`} label={false} choices={areaFindingChoices} helperText={false} />
            <TextInput
              source={`areas.${index}.description`}
              label="app.inspection.description"
              validate={requiredIfFinding(index)}
              disabled={!isChecked(finding)}
              multiline
              helperText={false}
            />
          </Box>
        );
      }}
    </FormDataConsumer>
  );
};

/** What a finding leads to: filing (serious), or 约谈/行政指导 with a deadline (minor). */
const Consequences = ({ violations, stageDue }: { violations: Named[]; stageDue?: string }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  const serious = (
    <Stack spacing={1} data-testid="inspection-serious">
      <Alert severity="error">{translate('app.inspection.serious_hint')}</Alert>
      <SelectInput
        source="violation"
        label="app.inspection.violation"
        choices={violations.map((v) => ({ id: v.key, name: localized(v) }))}
        translateChoice={false}
        validate={required()}
        sx={{ maxWidth: '24rem' }}
      />
    </Stack>
  );
  const minor = (
    <Stack spacing={1} data-testid="inspection-minor">
      <Alert severity="warning">{translate('app.inspection.minor_hint')}</Alert>
      <MeasureInput />
      <RectifyByInput helperText={stageDue ? translate('app.inspection.rectify_by_helper', { date: formatDate(stageDue, false) }) : false} />
    </Stack>
  );
  return (
    <FormDataConsumer<InspectionValues>>
      {({ formData }) => {
        const found = findingsOf(formData.areas);
        return found.serious ? serious : found.minor ? minor : null;
      }}
    </FormDataConsumer>
  );
};

/** 检查/抽检/督查: findings on the areas inspected, and what follows from them. */
export const InspectionForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const areas = task.details?.areas ?? [];
  const violations = task.details?.seriousViolations ?? [];
  // Set when a submit had no area filled in; the alert shows until one is.
  const [noneFilled, setNoneFilled] = useState(false);
  return (
    <TaskForm
      task={task}
      defaults={{
        areas: areas.map((a) => ({ key: a.key, finding: 'not_checked', description: '' })),
        note: '',
      }}
      onSubmit={(values: InspectionValues, complete) => {
        const { body, sent } = toBody(values);
        if (!body.areas.length) {
          setNoneFilled(true);
          return undefined;
        }
        setNoneFilled(false);
        // The API numbers the areas it was sent; the form numbers all eight.
        return complete(body, (path) => path.replace(/^areas\.(\d+)\./, (_m, i: string) => `areas.${sent[Number(i)] ?? i}.`));
      }}
      data-testid="inspection-form"
      spacing={2}
    >
      <RadioButtonGroupInput source="method" label="app.inspection.method_label" choices={inspectionMethodChoices} validate={required()} />
      <Typography variant="body2" color="text.secondary">
        {translate('app.inspection.areas_helper')}
      </Typography>
      <Box>
        {areas.map((area, index) => (
          <AreaRow key={area.key} area={area} index={index} />
        ))}
      </Box>
      <Consequences violations={violations} stageDue={task.dueAt} />
      <TextInput source="note" label="app.inspection.note" multiline minRows={2} sx={{ maxWidth: '48rem' }} />
      <EvidenceInput />
      {noneFilled && (
        <FormDataConsumer<InspectionValues>>
          {({ formData }) =>
            (formData.areas ?? []).some((a) => isChecked(a.finding)) ? null : (
              <Alert severity="error" data-testid="inspection-none-filled">
                {translate('app.inspection.none_filled')}
              </Alert>
            )
          }
        </FormDataConsumer>
      )}
    </TaskForm>
  );
};
