import { useMemo } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import {
    DateInput,
    Form,
    FormDataConsumer,
    RadioButtonGroupInput,
    required,
    SaveButton,
    TextInput,
    useGetOne,
    useTranslate,
} from 'react-admin';
import { verificationOutcomeChoices } from '../choices';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Campaign, Task } from '../types';
import { RectificationOrderInfo } from './RectificationOrderInfo';
import { useAreas } from './useAreas';
import { useCompleteTask } from './useCompleteTask';

interface VerificationValues {
    outcome?: 'passed' | 'failed';
    note?: string;
    rectifyBy?: string;
}

/**
 * 整改复查: did the operator rectify by the deadline? Not passed with rounds left sets the next
 * deadline; not passed in the last round ends it (the case leaves the award). The number of
 * rounds is a campaign setting; the API has the last word and its refusal is shown.
 */
export const VerificationForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const complete = useCompleteTask(task);
    const areas = useAreas(task);
    const { data: campaign } = useGetOne<Campaign>('campaigns', { id: task.campaignId });
    const maxRounds = campaign?.definition?.settings?.maxRectificationRounds;
    const round = task.details?.round ?? task.details?.order?.round ?? 1;
    const lastRound = maxRounds != null && round >= maxRounds;
    const initialValues = useMemo(() => ({ id: task.id, note: '' }), [task.id]);
    return (
        <Stack data-testid="verification-form" spacing={2}>
            <Typography variant="subtitle1">{translate('app.verification.order')}</Typography>
            <RectificationOrderInfo order={task.details?.order} areas={areas} />
            {maxRounds != null && (
                <Typography variant="body2" color="text.secondary">
                    {translate('app.verification.rounds', { round, max: maxRounds })}
                </Typography>
            )}
            <Form
                record={initialValues}
                onSubmit={(values: VerificationValues) => {
                    const passed = values.outcome === 'passed';
                    const rectifyBy = !passed ? values.rectifyBy || undefined : undefined;
                    return complete({
                        passed,
                        note: (values.note ?? '').trim(),
                        ...(rectifyBy ? { rectifyBy } : {}),
                    });
                }}
            >
                <Stack spacing={1} sx={{ maxWidth: '48rem' }}>
                    <RadioButtonGroupInput
                        source="outcome"
                        label="app.verification.outcome_label"
                        choices={verificationOutcomeChoices}
                        validate={required()}
                    />
                    <TextInput
                        source="note"
                        label="app.verification.note"
                        validate={required()}
                        multiline
                        minRows={2}
                    />
                    <FormDataConsumer<VerificationValues>>
                        {({ formData }) =>
                            formData.outcome !== 'failed' ? null : lastRound ? (
                                <Alert severity="warning" data-testid="last-round">
                                    {translate('app.verification.last_round')}
                                </Alert>
                            ) : (
                                <DateInput
                                    source="rectifyBy"
                                    label="app.verification.next_rectify_by"
                                    // Required while rounds remain; unknown rounds: the API decides.
                                    validate={maxRounds != null ? required() : undefined}
                                    helperText="app.verification.next_rectify_by_helper"
                                    sx={{ maxWidth: '16rem' }}
                                />
                            )
                        }
                    </FormDataConsumer>
                    <ProblemAlert problem={complete.problem} onClose={complete.clearProblem} />
                    <Box>
                        <SaveButton label="app.task.submit" data-testid="complete-task" />
                    </Box>
                </Stack>
            </Form>
        </Stack>
    );
};
