import { useMemo, useState } from 'react';
import AddchartIcon from '@mui/icons-material/Addchart';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import {
  Button,
  Form,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { CheckboxInput } from '../common/CheckboxInput';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import type { RegisterEntry } from '../types';

interface MetricsValues {
  platformRating?: number | string;
  complaintRate?: number | string;
  findings?: number | string;
  violation?: boolean;
  note?: string;
}

const whole: Validator = (value) => (value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.application.whole_number' : undefined);

const INPUTS = new Set(['platformRating', 'complaintRate', 'findings', 'violation', 'note']);

/**
 * 记录动态评分数据: the platform's rating, the complaint rate, regulator findings and any violation
 * for an entry (POST /api/register-entries/:id/metrics); the next scoring period uses them.
 */
export const MetricsDialog = () => {
  const entry = useRecordContext<RegisterEntry>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMemo(() => ({ id: `metrics-${generation}`, findings: 0, violation: false, note: '' }), [generation]);
  if (!entry) return null;
  const close = () => {
    setOpen(false);
    setProblem(null);
  };
  const submit = async (values: MetricsValues) => {
    setProblem(null);
    const note = values.note?.trim();
    try {
      await dataProvider.recordRegisterMetrics(entry.id, {
        platformRating: Number(values.platformRating),
        complaintRate: Number(values.complaintRate),
        findings: Number(values.findings ?? 0),
        violation: !!values.violation,
        ...(note ? { note } : {}),
      });
      notify('app.metrics.recorded', { type: 'success' });
      setOpen(false);
      setGeneration((g) => g + 1);
      refresh();
      return undefined;
    } catch (error) {
      setProblem(problemOf(error));
      return inputErrors(error, (path) => INPUTS.has(path));
    }
  };
  return (
    <>
      <Button label="app.metrics.record" data-testid="record-metrics" onClick={() => setOpen(true)}>
        <AddchartIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.metrics.record_title', { name: entry.name })}</DialogTitle>
        <Form record={record} onSubmit={submit}>
          <DialogContent>
            <Stack spacing={1} data-testid="metrics-form">
              <Typography variant="body2" color="text.secondary">
                {translate('app.metrics.helper')}
              </Typography>
              <NumberInput
                source="platformRating"
                label="app.metrics.platformRating"
                helperText="app.metrics.platformRating_helper"
                validate={[required(), minValue(0), maxValue(5)]}
                min={0}
                max={5}
                step={0.1}
              />
              <NumberInput
                source="complaintRate"
                label="app.metrics.complaintRate"
                helperText="app.metrics.complaintRate_helper"
                validate={[required(), minValue(0), maxValue(100)]}
                min={0}
                max={100}
                step={0.1}
              />
              <NumberInput
                source="findings"
                label="app.metrics.findings"
                helperText="app.metrics.findings_helper"
                validate={[required(), minValue(0), whole]}
                min={0}
                step={1}
              />
              <CheckboxInput source="violation" label="app.metrics.violation" />
              <TextInput source="note" label="app.metrics.note" multiline minRows={2} />
              <ProblemAlert problem={problem} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <SaveButton label="app.metrics.save" data-testid="metrics-submit" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
