import { useMemo, useState } from 'react';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import {
  Button,
  DateInput,
  Form,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';

interface BatchValues {
  campaignId?: string;
  reviewDueAt?: string;
}

const notPast: Validator = (value) => (value && String(value).slice(0, 10) < shanghaiDay(new Date()) ? 'app.batch.due_past' : undefined);

/** Two weeks from today (Asia/Shanghai), the default review deadline. */
const inTwoWeeks = () => shanghaiDay(new Date(Date.now() + 14 * 86_400_000));

/**
 * 开启审核批次: every queued application of the campaign goes into a new batch, reviewed by the office
 * by the deadline, highest priority first (POST /api/campaigns/:id/intake-batches). With no
 * `campaignId` the dialog asks for the (running Lijiang) campaign.
 */
export const OpenBatchButton = ({ campaignId }: { campaignId?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // The review date is counted again from today each time the dialog opens.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `open` is read for that
  const record = useMemo(() => ({ id: 'open-batch', campaignId, reviewDueAt: inTwoWeeks() }), [campaignId, open]);
  const close = () => {
    setOpen(false);
    setProblem(null);
  };
  const submit = async (values: BatchValues) => {
    setProblem(null);
    try {
      const batch = await dataProvider.openIntakeBatch(values.campaignId ?? campaignId ?? '', {
        reviewDueAt: String(values.reviewDueAt ?? '').slice(0, 10),
      });
      notify('app.batch.opened', { type: 'success', messageArgs: { seq: batch.seq, smart_count: batch.size } });
      setOpen(false);
      redirect('show', 'intake-batches', batch.id);
      return undefined;
    } catch (error) {
      // 409: nothing is queued.
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      return inputErrors(error, (path) => path === 'reviewDueAt');
    }
  };
  return (
    <>
      <Button label="app.batch.open" data-testid="open-batch" onClick={() => setOpen(true)}>
        <PlaylistAddIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.batch.open_title')}</DialogTitle>
        <Form record={record} onSubmit={submit}>
          <DialogContent>
            <Stack spacing={1} data-testid="open-batch-form">
              <Typography variant="body2" color="text.secondary">
                {translate('app.batch.open_helper')}
              </Typography>
              {!campaignId && (
                <ReferenceInput source="campaignId" reference="campaigns" filter={{ programme: 'lijiang', status: 'running' }}>
                  <SelectInput label="app.register.field.campaign" validate={required()} fullWidth />
                </ReferenceInput>
              )}
              <DateInput source="reviewDueAt" label="app.batch.reviewDueAt" helperText="app.batch.reviewDueAt_helper" validate={[required(), notPast]} />
              <ProblemAlert problem={problem} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <SaveButton label="app.batch.open" data-testid="open-batch-submit" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
