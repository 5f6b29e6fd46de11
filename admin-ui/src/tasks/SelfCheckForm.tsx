import { Alert, Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, TextInput, useTranslate, type Validator } from 'react-admin';
import { findingChoices } from '../choices';
import { CheckboxInput } from '../common/CheckboxInput';
import { useLocalizedName } from '../common/useLocalizedName';
import type { Finding, SelfCheckArea, SelfCheckAreaResult, Task } from '../types';
import { TaskForm } from './FormParts';

interface AreaValues {
  key: string;
  finding?: Finding;
  description?: string;
  fixed?: boolean;
}

// The API requires a description for every area with an issue.
const requiredIfIssue =
  (index: number): Validator =>
  (value, values) =>
    values?.areas?.[index]?.finding === 'issue' && !String(value ?? '').trim() ? 'app.self_check.description_required' : undefined;

const toAreaResult = ({ key, finding, description, fixed }: AreaValues): SelfCheckAreaResult => {
  const text = description?.trim();
  return {
    key,
    finding: finding ?? 'compliant',
    ...(text ? { description: text } : {}),
    fixed: Boolean(fixed),
  };
};

const AreaRow = ({ area, index }: { area: SelfCheckArea; index: number }) => {
  const localized = useLocalizedName();
  return (
    <Box
      data-testid={`area-${area.key}`}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '10rem auto minmax(12rem, 1fr) auto' },
        columnGap: 2,
        alignItems: 'center',
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="body1">
        {index + 1}. {localized(area)}
      </Typography>
      <RadioButtonGroupInput source={`areas.${index}.finding`} label={false} choices={findingChoices} validate={required()} helperText={false} />
      <TextInput source={`areas.${index}.description`} label="app.self_check.description" validate={requiredIfIssue(index)} multiline helperText={false} />
      <CheckboxInput source={`areas.${index}.fixed`} label="app.self_check.fixed" />
    </Box>
  );
};

/** One row per area of the task's checklist (details.areas): finding, description, fixed. */
export const SelfCheckForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const areas = task.details?.areas ?? [];
  return (
    <TaskForm
      task={task}
      defaults={{ areas: areas.map((a) => ({ key: a.key, description: '', fixed: false })) }}
      onSubmit={(values: { areas?: AreaValues[] }, complete) => complete({ areas: (values.areas ?? []).map(toAreaResult) })}
      data-testid="self-check-form"
      spacing={2}
    >
      {task.details?.returnedBecause && (
        <Alert severity="warning" data-testid="returned-because">
          {translate('app.self_check.returned_because', { note: task.details.returnedBecause })}
        </Alert>
      )}
      <Box>
        {areas.map((area, index) => (
          <AreaRow key={area.key} area={area} index={index} />
        ))}
      </Box>
    </TaskForm>
  );
};
