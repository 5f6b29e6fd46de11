import { Alert, Stack, Typography } from '@mui/material';
import { FormDataConsumer, RadioButtonGroupInput, required, TextInput, useGetOne, useTranslate } from 'react-admin';
import { verificationOutcomeChoices } from '../choices';
import { definitionOf } from '../campaigns/kind';
import type { Campaign, Task } from '../types';
import { RectifyByInput, TaskForm } from './FormParts';
import { EvidenceInput, evidenceOf } from '../common/FilesPanel';
import { RectificationOrderInfo } from './RectificationOrderInfo';
import { RectificationProofs, type TaskEvidenceExtras } from './EvidenceFiles';
import { useFormatDate } from '../common/fields';
import { useAreas } from './useAreas';

interface VerificationValues {
  outcome?: 'passed' | 'failed';
  note?: string;
  rectifyBy?: string;
  evidence?: string[];
}

/**
 * 整改复查: did the operator rectify by the deadline? Not passed with rounds left sets the next
 * deadline; not passed in the last round ends it (the case leaves the award). The number of
 * rounds is a campaign setting; the API has the last word and its refusal is shown.
 */
export const VerificationForm = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const areas = useAreas(task);
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: task.campaignId });
  const maxRounds = definitionOf(campaign, 'staged_award')?.settings.maxRectificationRounds;
  const round = task.details?.round ?? task.details?.order?.round ?? 1;
  const lastRound = maxRounds != null && round >= maxRounds;
  const formatDate = useFormatDate();
  return (
    <Stack data-testid="verification-form" spacing={2}>
      <Typography variant="subtitle1">{translate('app.verification.order')}</Typography>
      <RectificationOrderInfo order={task.details?.order} areas={areas} />
      {/* What the operator (or staff for it) handed in for this round before the deadline (四、（三）限期整改). */}
      <Typography variant="subtitle1">{translate('app.evidence.proofs')}</Typography>
      <RectificationProofs proofs={(task as Task & TaskEvidenceExtras).proofs} formatDate={(iso) => formatDate(iso)} />
      {maxRounds != null && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.verification.rounds', { round, max: maxRounds })}
        </Typography>
      )}
      <TaskForm
        task={task}
        defaults={{ note: '' }}
        onSubmit={(values: VerificationValues, complete) => {
          const passed = values.outcome === 'passed';
          const rectifyBy = !passed ? values.rectifyBy || undefined : undefined;
          return complete({
            passed,
            note: (values.note ?? '').trim(),
            ...(rectifyBy ? { rectifyBy } : {}),
            ...evidenceOf(values),
          });
        }}
        spacing={1}
        sx={{ maxWidth: '48rem' }}
      >
        <RadioButtonGroupInput source="outcome" label="app.verification.outcome_label" choices={verificationOutcomeChoices} validate={required()} />
        <TextInput source="note" label="app.verification.note" validate={required()} multiline minRows={2} />
        <FormDataConsumer<VerificationValues>>
          {({ formData }) =>
            formData.outcome !== 'failed' ? null : lastRound ? (
              <Alert severity="warning" data-testid="last-round">
                {translate('app.verification.last_round')}
              </Alert>
            ) : (
              <RectifyByInput
                label="app.verification.next_rectify_by"
                // Required while rounds remain; unknown rounds: the API decides.
                validate={maxRounds != null ? required() : undefined}
                helperText="app.verification.next_rectify_by_helper"
              />
            )
          }
        </FormDataConsumer>
        <EvidenceInput />
      </TaskForm>
    </Stack>
  );
};
