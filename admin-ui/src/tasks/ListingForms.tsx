import { Alert, Stack } from '@mui/material';
import { RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import { EvidenceInput, evidenceOf } from '../common/FilesPanel';
import type { Task } from '../types';
import { TaskForm } from './FormParts';

// A listed room's periodic evaluation and the removal it may propose (zhoushan 七、（三）加强监督管理: 日常监测和
// 评估; 情节严重的移出培育库; README "Periodic evaluation of listed rooms").

interface ListingDetails {
  name?: string;
  round?: number;
  clause?: string;
  evaluationNote?: string;
  evaluatedBy?: string;
}
const detailsOf = (task: Task) => (task.details ?? {}) as ListingDetails;
const outcomeChoices = [
  { id: 'passed', name: 'app.listing_evaluation.passed' },
  { id: 'failed', name: 'app.listing_evaluation.failed' },
];
const decisionChoices = [
  { id: 'remove', name: 'app.listing_removal.remove' },
  { id: 'keep', name: 'app.listing_removal.keep' },
];

/** 定期评估: the county's officer judges the room against the 培育准则 (passed, or not: its removal is proposed). */
export const ListingEvaluationForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const d = detailsOf(task);
  return (
    <Stack spacing={2} data-testid="listing-evaluation-form">
      <InfoTable
        rows={[
          ['app.listing_evaluation.room', d.name],
          ['app.listing_evaluation.round', d.round],
          ['app.listing_evaluation.clause', d.clause],
        ]}
      />
      <Alert severity="info">{translate('app.listing_evaluation.helper')}</Alert>
      <TaskForm
        task={task}
        defaults={{ note: '' }}
        onSubmit={(values: { outcome?: string; note?: string; evidence?: string[] }, complete) =>
          complete({ passed: values.outcome === 'passed', note: (values.note ?? '').trim(), ...evidenceOf(values) })
        }
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="outcome" label="app.listing_evaluation.outcome" choices={outcomeChoices} validate={required()} />
        <TextInput source="note" label="app.listing_evaluation.note" validate={required()} multiline minRows={2} />
        <EvidenceInput />
      </TaskForm>
    </Stack>
  );
};

/** 移出培育库确认: the city decides a removal the county's evaluation proposed (removed, or kept with its reason). */
export const ListingRemovalReviewForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const d = detailsOf(task);
  return (
    <Stack spacing={2} data-testid="listing-removal-form">
      <InfoTable
        rows={[
          ['app.listing_evaluation.room', d.name],
          ['app.listing_removal.evaluation', d.evaluationNote],
          ['app.listing_removal.evaluated_by', d.evaluatedBy],
        ]}
      />
      <Alert severity="warning">{translate('app.listing_removal.helper')}</Alert>
      <TaskForm
        task={task}
        defaults={{ reason: '' }}
        onSubmit={(values: { decision?: 'remove' | 'keep'; reason?: string }, complete) =>
          complete({ decision: values.decision!, reason: (values.reason ?? '').trim() })
        }
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.listing_removal.decision" choices={decisionChoices} validate={required()} />
        <TextInput source="reason" label="app.listing_removal.reason" validate={required()} multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
