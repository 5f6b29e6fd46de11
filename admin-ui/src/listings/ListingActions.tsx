import { useMemo } from 'react';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Button, Confirm, RadioButtonGroupInput, required, TextInput, useDataProvider, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { CheckboxInput } from '../common/CheckboxInput';
import { FormCard } from '../common/FormCard';
import { ProblemAlert } from '../common/ProblemAlert';
import { useConfirmedAction } from '../common/useConfirmation';
import { useRecordingForm } from '../common/useRecordingForm';
import type { AppDataProvider } from '../dataProvider';
import type { Listing, Operator } from '../types';

const answerChoices = [
  { id: 'yes', name: 'app.listing.answer.accepted' },
  { id: 'no', name: 'app.listing.answer.declined' },
];

/** 推荐至省局: puts a listed room forward for the provincial list; the answer is recorded later. */
export const NominateButton = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  // GET /listings/:id carries no operator name (the list does): ask the register.
  const { data: operator } = useGetOne<Operator>('operators', { id: listing?.operatorId ?? '' }, { enabled: !!listing?.operatorId && !listing?.operatorName });
  const confirmation = useConfirmedAction(() => dataProvider.nominateListing(listing!.id), 'app.listing.nominated');
  if (!listing) return null;
  return (
    <Card variant="outlined" data-testid="listing-nominate">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="subtitle1">{translate('app.listing.nominate')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.listing.nominate_helper')}
          </Typography>
          <ProblemAlert problem={confirmation.problem} onClose={confirmation.clearProblem} />
          <Box>
            <Button
              label="app.listing.nominate"
              variant="contained"
              data-testid="nominate-submit"
              disabled={confirmation.loading}
              onClick={() => confirmation.ask()}
            />
          </Box>
        </Stack>
        <Confirm
          {...confirmation.confirmProps}
          title="app.listing.nominate"
          content={translate('app.listing.nominate_confirm', {
            name: listing.operatorName ?? operator?.name ?? listing.operatorId,
          })}
        />
      </CardContent>
    </Card>
  );
};

/** 记录省局答复: accepted or not, with the note (the letter's number…), whenever it arrives. */
export const ProvinceAnswerForm = () => {
  const listing = useRecordContext<Listing>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { record, submit, problem } = useRecordingForm({
    idPrefix: 'province-answer',
    defaults: { note: '' },
    action: (values: { accepted?: 'yes' | 'no'; note?: string }) =>
      dataProvider.answerNomination(listing!.id, {
        accepted: values.accepted === 'yes',
        note: (values.note ?? '').trim(),
      }),
    success: 'app.listing.answered',
  });
  if (!listing) return null;
  return (
    <FormCard
      testId="listing-province-answer"
      label="app.listing.province_answer"
      record={record}
      onSubmit={submit}
      problem={problem}
      submitTestId="province-answer-submit"
    >
      <RadioButtonGroupInput source="accepted" label="app.listing.answer_label" choices={answerChoices} validate={required()} />
      <TextInput source="note" label="app.listing.province_note" helperText="app.listing.province_note_helper" validate={required()} multiline minRows={2} />
    </FormCard>
  );
};

/** 移出培育库: with the reason, after confirmation; a nomination awaiting the province is withdrawn. */
export const RemoveListingForm = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const record = useMemo(() => ({ id: listing?.id, reason: '' }), [listing?.id]);
  const confirmation = useConfirmedAction(
    (values: { reason?: string }) => dataProvider.removeListing(listing!.id, { reason: (values.reason ?? '').trim() }),
    'app.listing.removed',
  );
  if (!listing) return null;
  const pending = listing.nomination === 'pending';
  return (
    <FormCard
      testId="listing-remove"
      label="app.listing.remove"
      record={record}
      onSubmit={(values: { reason?: string }) => confirmation.ask(values)}
      problem={confirmation.problem}
      submitTestId="remove-submit"
      submitColor="error"
      after={
        <Confirm
          {...confirmation.confirmProps}
          title="app.listing.remove"
          content={translate(pending ? 'app.listing.remove_confirm_pending' : 'app.listing.remove_confirm')}
          confirmColor="warning"
        />
      }
    >
      {pending && <Alert severity="warning">{translate('app.listing.withdraws_nomination')}</Alert>}
      <TextInput source="reason" label="app.listing.remove_reason" validate={required()} multiline minRows={2} />
    </FormCard>
  );
};

/** 记录监测发现: daily monitoring of a listed room; a serious violation removes it from the list. */
export const FindingForm = () => {
  const listing = useRecordContext<Listing>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { record, submit, problem } = useRecordingForm({
    idPrefix: 'finding',
    defaults: { description: '', serious: false },
    action: (values: { description?: string; serious?: boolean }) =>
      dataProvider.recordListingFinding(listing!.id, {
        description: (values.description ?? '').trim(),
        serious: !!values.serious,
      }),
    success: 'app.listing.finding_recorded',
  });
  if (!listing) return null;
  return (
    <FormCard testId="listing-finding" label="app.listing.finding" record={record} onSubmit={submit} problem={problem} submitTestId="finding-submit">
      <TextInput source="description" label="app.listing.finding_description" validate={required()} multiline minRows={2} />
      <CheckboxInput source="serious" label="app.listing.serious" />
      <Alert severity="warning">{translate('app.listing.serious_helper')}</Alert>
    </FormCard>
  );
};
