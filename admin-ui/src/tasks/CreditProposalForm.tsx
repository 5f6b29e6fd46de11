import { Alert, Stack } from '@mui/material';
import { RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import type { Task } from '../types';
import { TaskForm } from './FormParts';

// A proposal an operator's new credit listing raised (README "Credit lists"): revoke its title on ground
// 三、（6）, hold its case out of the award, or remove its room from the cultivation list. Confirmed, it is
// applied; declined, the reason is kept.

interface ProposalDetails {
  action?: string;
  clause?: string;
  operatorName?: string;
  operatorUscc?: string;
  listName?: string;
  listedOn?: string;
  reason?: string;
  authority?: string;
  campaignName?: string;
}
const decisionChoices = [
  { id: 'confirm', name: 'app.credit_proposal.confirm' },
  { id: 'decline', name: 'app.credit_proposal.decline' },
];

export const CreditProposalForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const d = (task.details ?? {}) as ProposalDetails;
  return (
    <Stack spacing={2} data-testid="credit-proposal-form">
      <Alert severity="warning">{translate(`app.credit_proposal.action.${d.action ?? 'revoke_title'}`, { name: d.operatorName ?? '' })}</Alert>
      <InfoTable
        rows={[
          ['app.credit_proposal.operator', [d.operatorName, d.operatorUscc].filter(Boolean).join(' / ')],
          ['app.credit_proposal.campaign', d.campaignName],
          ['app.credit_proposal.list', d.listName],
          ['app.credit_proposal.listed_on', d.listedOn],
          ['app.credit_proposal.reason', d.reason],
          ['app.credit_proposal.authority', d.authority],
          ['app.credit_proposal.clause', d.clause],
        ]}
      />
      <TaskForm
        task={task}
        defaults={{ reason: '' }}
        onSubmit={(values: { decision?: 'confirm' | 'decline'; reason?: string }, complete) =>
          complete({ decision: values.decision!, reason: (values.reason ?? '').trim() })
        }
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="decision" label="app.credit_proposal.decision" choices={decisionChoices} validate={required()} />
        <TextInput source="reason" label="app.credit_proposal.note" validate={required()} multiline minRows={2} />
      </TaskForm>
    </Stack>
  );
};
