import { useMemo, useState } from 'react';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  Confirm,
  Form,
  Link,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { complaintKindChoices } from '../choices';
import { ProblemAlert } from '../common/ProblemAlert';
import { EvidenceInput } from '../common/FilesPanel';
import { useConfirmation } from '../common/useConfirmation';
import { useLocalizedName } from '../common/useLocalizedName';
import { useRecordingForm } from '../common/useRecordingForm';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import type { Task, Title } from '../types';

interface RevokeValues {
  ground?: string;
  evidence?: string;
  /** Photos and PDFs (attachment ids), bound to the title's case once revoked. */
  attachmentIds?: string[];
}

/**
 * 撤销称号: on one of the notice's six grounds, with the evidence. It takes effect at once and
 * cannot be undone, so it asks for confirmation first.
 */
export const RevokeTitleForm = () => {
  const title = useRecordContext<Title>();
  const translate = useTranslate();
  const localized = useLocalizedName();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMemo(() => ({ id: title?.id, evidence: '' }), [title?.id]);
  const confirmation = useConfirmation(async (values: RevokeValues) => {
    setProblem(null);
    try {
      await dataProvider.revokeTitle(title!.id, {
        ground: values.ground ?? '',
        evidence: (values.evidence ?? '').trim(),
        ...(values.attachmentIds?.length ? { attachmentIds: values.attachmentIds } : {}),
      });
      notify('app.titles.revoked', { type: 'success' });
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    }
  });
  if (!title) return null;
  return (
    <Card variant="outlined" data-testid="revoke-title">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.titles.revoke')}</Typography>
        <Form record={record} onSubmit={(values: RevokeValues) => confirmation.ask(values)}>
          <Stack spacing={1} sx={{ maxWidth: '48rem' }}>
            <SelectInput
              source="ground"
              label="app.titles.ground"
              choices={(title.revocationGrounds ?? []).map((g) => ({ id: g.key, name: localized(g) }))}
              translateChoice={false}
              validate={required()}
            />
            <TextInput source="evidence" label="app.titles.evidence" helperText="app.titles.evidence_helper" validate={required()} multiline minRows={3} />
            <EvidenceInput source="attachmentIds" />
            <ProblemAlert problem={problem} />
            <Box>
              <SaveButton label="app.titles.revoke" color="error" data-testid="revoke-submit" />
            </Box>
          </Stack>
        </Form>
        <Confirm {...confirmation.confirmProps} title="app.titles.revoke" content="app.titles.revoke_confirm" confirmColor="warning" />
      </CardContent>
    </Card>
  );
};

/** 投诉/负面舆情: recorded on a titled operator, it opens an interview task with a deadline. */
export const ComplaintForm = () => {
  const title = useRecordContext<Title>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [task, setTask] = useState<Task | null>(null);
  const { record, submit, problem } = useRecordingForm({
    idPrefix: 'complaint',
    defaults: { kind: 'complaint', description: '' },
    action: (values: { kind?: 'complaint' | 'public_opinion'; description?: string }) =>
      dataProvider.reportComplaint(title!.id, {
        kind: values.kind ?? 'complaint',
        description: (values.description ?? '').trim(),
      }),
    success: 'app.complaint.recorded',
    onRecorded: setTask,
  });
  if (!title) return null;
  return (
    <Card variant="outlined" data-testid="title-complaint">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.complaint.record')}</Typography>
        <Form record={record} onSubmit={submit}>
          <Stack spacing={1} sx={{ maxWidth: '48rem' }}>
            <RadioButtonGroupInput source="kind" label="app.complaint.kind_label" choices={complaintKindChoices} validate={required()} />
            <TextInput source="description" label="app.complaint.description" validate={required()} multiline minRows={2} />
            <ProblemAlert problem={problem} />
            {task && (
              <Typography variant="body2">
                {translate('app.complaint.task_opened')} <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title}</Link>
              </Typography>
            )}
            <Box>
              <SaveButton label="app.complaint.record" data-testid="complaint-submit" />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};
