import { useState } from 'react';
import {
    Alert,
    AlertTitle,
    Box,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import {
    AutocompleteInput,
    Create,
    DateInput,
    FormDataConsumer,
    HttpError,
    Loading,
    maxValue,
    minValue,
    NumberInput,
    ReferenceInput,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
    useLocation,
    useNotify,
    useTranslate,
    type Validator,
} from 'react-admin';
import { currentYear, programmeDate } from '../common/dates';
import { useFormatDate } from '../common/fields';
import { ProblemAlert } from '../common/ProblemAlert';
import { useProgrammes } from '../common/programmes';
import { formatScore } from '../common/scores';
import { useLocalizedName } from '../common/useLocalizedName';
import { errorMessage, problemOf, type Problem } from '../httpClient';
import type {
    CampaignBody,
    CampaignSettings,
    Programme,
    ProgrammeStage,
    ScoringGroup,
    Successor,
} from '../types';

interface CampaignFormValues {
    programme?: string;
    year?: number;
    jurisdictionId?: string;
    name?: string;
    reminderLeadHours?: number | null;
    /** Optional overrides, by the index of the programme's stage (matches the API's error paths). */
    stages?: ({ startsAt?: string | null; dueAt?: string | null } | undefined)[];
    settings?: Partial<CampaignSettings>;
    /** Next year's run of a campaign (set when launched from its page). */
    previousCampaignId?: string;
}

/** What the campaign page hands over when it opens this form for next year's run. */
export interface SuccessorState {
    record?: CampaignFormValues;
    successor?: Pick<Successor, 'titleHolders' | 'flagged'>;
}

const num = (value: unknown) => (value === '' || value == null ? undefined : Number(value));

/** Form values → POST /api/campaigns body. Stages are sent only when a date was overridden. */
const toCampaignBody = (values: CampaignFormValues, programmes: Programme[]): CampaignBody => {
    const year = Number(values.year);
    const body: CampaignBody = {
        programme: values.programme ?? '',
        year,
        jurisdictionId: values.jurisdictionId ?? '',
    };
    const name = values.name?.trim();
    if (name) body.name = name;
    if (values.reminderLeadHours != null) body.reminderLeadHours = Number(values.reminderLeadHours);
    const overrides = values.stages ?? [];
    const programme = programmes.find(p => p.id === values.programme);
    if (programme && overrides.some(s => s?.startsAt || s?.dueAt)) {
        body.stages = programme.stages.map((stage, i) => ({
            key: stage.key,
            startsAt: overrides[i]?.startsAt || programmeDate(year, stage.defaultStart),
            dueAt: overrides[i]?.dueAt || programmeDate(year, stage.defaultDue),
        }));
    }
    const s = values.settings;
    if (programme?.defaults?.settings && s) {
        const settings: Partial<CampaignSettings> = {};
        if (s.weights) {
            settings.weights = Object.fromEntries(
                Object.entries(s.weights).map(([track, weights]) => [
                    track,
                    Object.fromEntries(Object.entries(weights ?? {}).map(([dim, w]) => [dim, Number(w)])),
                ]),
            );
        }
        const awardThreshold = num(s.awardThreshold);
        if (awardThreshold !== undefined) settings.awardThreshold = awardThreshold;
        if (s.titleValidity?.trim()) settings.titleValidity = s.titleValidity.trim();
        (['publicityDays', 'maxRectificationRounds', 'verificationDays'] as const).forEach(key => {
            const value = num(s[key]);
            if (value !== undefined) settings[key] = value;
        });
        body.settings = settings;
    }
    if (values.previousCampaignId) body.previousCampaignId = values.previousCampaignId;
    return body;
};

/** GET …/successor's launch body → this form's values (stage dates by the programme's order). */
export const launchToFormValues = (launch: CampaignBody, programme?: Programme): CampaignFormValues => ({
    programme: launch.programme,
    year: launch.year,
    jurisdictionId: launch.jurisdictionId,
    name: launch.name,
    reminderLeadHours: launch.reminderLeadHours,
    stages: programme?.stages.map(stage => {
        const given = launch.stages?.find(s => s.key === stage.key);
        return { startsAt: given?.startsAt?.slice(0, 10) ?? null, dueAt: given?.dueAt?.slice(0, 10) ?? null };
    }),
    settings: launch.settings,
    previousCampaignId: launch.previousCampaignId,
});

// Paths the form has an input for; other problems (a whole group of weights, a stage) are listed
// in the alert above the form (see common/formErrors.ts on why).
const INPUT_PATHS = [
    /^(programme|year|jurisdictionId|name|reminderLeadHours)$/,
    /^stages\.\d+\.(startsAt|dueAt)$/,
    /^settings\.weights\.[^.]+\.[^.]+$/,
    /^settings\.(awardThreshold|titleValidity|publicityDays|maxRectificationRounds|verificationDays)$/,
];
const isInputPath = (path: string) => INPUT_PATHS.some(re => re.test(path));

const StageDatesRow = ({ stage, index, year }: { stage: ProgrammeStage; index: number; year?: number }) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const defaultText = (monthDay: string) =>
        translate('app.campaign.default_date', { date: year ? programmeDate(year, monthDay) : monthDay });
    return (
        <Box
            data-testid={`stage-dates-${stage.key}`}
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}
        >
            <Typography sx={{ width: '10rem' }}>{localized(stage)}</Typography>
            <DateInput
                source={`stages.${index}.startsAt`}
                label="app.campaign.startsAt"
                fullWidth={false}
                helperText={defaultText(stage.defaultStart)}
            />
            <DateInput
                source={`stages.${index}.dueAt`}
                label="app.campaign.dueAt"
                fullWidth={false}
                helperText={defaultText(stage.defaultDue)}
            />
        </Box>
    );
};

const StageCalendarInputs = ({ programmes }: { programmes: Programme[] }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ width: '100%' }}>
            <Typography variant="subtitle1" sx={{ mt: 2, mb: 1 }}>
                {translate('app.campaign.calendar')}
            </Typography>
            <FormDataConsumer<CampaignFormValues>>
                {({ formData }) => {
                    const programme = programmes.find(p => p.id === formData.programme);
                    if (!programme) {
                        return (
                            <Typography color="text.secondary">
                                {translate('app.campaign.choose_programme')}
                            </Typography>
                        );
                    }
                    return programme.stages.map((stage, index) => (
                        <StageDatesRow
                            key={`${programme.id}-${stage.key}`}
                            stage={stage}
                            index={index}
                            year={formData.year}
                        />
                    ));
                }}
            </FormDataConsumer>
        </Box>
    );
};

const wholePercent: Validator = value =>
    value != null && value !== '' && !Number.isInteger(Number(value)) ? 'app.settings.whole_percent' : undefined;

/** On the last dimension of a group: the group's weights must add up to its share (70 / 30). */
const groupShare =
    (track: string, group: ScoringGroup): Validator =>
    (_value, values: CampaignFormValues) => {
        const weights = values?.settings?.weights?.[track] ?? {};
        const sum = group.dimensions.reduce((n, d) => n + (Number(weights[d.key]) || 0), 0);
        return sum === group.share
            ? undefined
            : { message: 'app.settings.group_sum', args: { share: group.share, sum } };
    };

const WeightsRow = ({
    programme,
    track,
    problem,
}: {
    programme: Programme;
    track: { key: string; name: string; nameEn?: string | null };
    problem?: Problem | null;
}) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const defaults = programme.defaults?.settings.weights[track.key] ?? {};
    const groupProblems = (problem?.fields ?? []).filter(f => f.path === `settings.weights.${track.key}`);
    return (
        <Box data-testid={`weights-${track.key}`} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="subtitle2">{localized(track)}</Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
                {programme.scoring?.groups.map(group => (
                    <Box key={group.key} sx={{ display: 'flex', columnGap: 1, alignItems: 'flex-start' }}>
                        <Typography variant="body2" color="text.secondary" sx={{ pt: 2, minWidth: '6rem' }}>
                            {translate('app.settings.group', { name: localized(group), share: group.share })}
                        </Typography>
                        {group.dimensions.map((dim, i) => (
                            <NumberInput
                                key={dim.key}
                                source={`settings.weights.${track.key}.${dim.key}`}
                                label={localized(dim)}
                                defaultValue={defaults[dim.key]}
                                fullWidth={false}
                                sx={{ width: '9rem' }}
                                min={0}
                                max={100}
                                step={1}
                                helperText={false}
                                validate={[
                                    required(),
                                    minValue(0),
                                    maxValue(100),
                                    wholePercent,
                                    ...(i === group.dimensions.length - 1 ? [groupShare(track.key, group)] : []),
                                ]}
                            />
                        ))}
                    </Box>
                ))}
            </Box>
            {groupProblems.map((f, i) => (
                <Typography key={i} variant="body2" color="error" data-testid={`weights-problem-${track.key}`}>
                    {f.message}
                </Typography>
            ))}
        </Box>
    );
};

/** The campaign's settings: weights per track and dimension, threshold, validity, publicity. */
const SettingsInputs = ({ programmes, problem }: { programmes: Programme[]; problem?: Problem | null }) => {
    const translate = useTranslate();
    return (
        <FormDataConsumer<CampaignFormValues>>
            {({ formData }) => {
                const programme = programmes.find(p => p.id === formData.programme);
                const defaults = programme?.defaults?.settings;
                if (!programme || !defaults) return null;
                return (
                    <Box sx={{ width: '100%' }} data-testid="settings-inputs" key={programme.id}>
                        <Typography variant="subtitle1" sx={{ mt: 2 }}>
                            {translate('app.settings.title')}
                        </Typography>
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.settings.weights_helper')}
                        </Typography>
                        {programme.tracks?.map(track => (
                            <WeightsRow key={track.key} programme={programme} track={track} problem={problem} />
                        ))}
                        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, mt: 2 }}>
                            <NumberInput
                                source="settings.awardThreshold"
                                label="app.settings.awardThreshold"
                                defaultValue={defaults.awardThreshold}
                                validate={[required(), minValue(0.01), maxValue(100)]}
                                fullWidth={false}
                                helperText="app.settings.awardThreshold_helper"
                            />
                            <TextInput
                                source="settings.titleValidity"
                                label="app.settings.titleValidity"
                                defaultValue={defaults.titleValidity}
                                validate={required()}
                                fullWidth={false}
                                helperText="app.settings.titleValidity_helper"
                            />
                            <NumberInput
                                source="settings.publicityDays"
                                label="app.settings.publicityDays"
                                defaultValue={defaults.publicityDays}
                                validate={[required(), minValue(1), maxValue(60)]}
                                fullWidth={false}
                            />
                            <NumberInput
                                source="settings.maxRectificationRounds"
                                label="app.settings.maxRectificationRounds"
                                defaultValue={defaults.maxRectificationRounds}
                                validate={[required(), minValue(1), maxValue(5)]}
                                fullWidth={false}
                            />
                            <NumberInput
                                source="settings.verificationDays"
                                label="app.settings.verificationDays"
                                defaultValue={defaults.verificationDays}
                                validate={[required(), minValue(1), maxValue(60)]}
                                fullWidth={false}
                            />
                        </Box>
                    </Box>
                );
            }}
        </FormDataConsumer>
    );
};

/** Next year's run: last year's title holders (with expiry) and the operators to look at twice. */
const SuccessorNotice = ({ successor }: { successor?: SuccessorState['successor'] }) => {
    const translate = useTranslate();
    const formatDate = useFormatDate();
    if (!successor) return null;
    return (
        <Box sx={{ width: '100%' }} data-testid="successor-notice">
            <Alert severity="info" sx={{ mb: 1 }}>
                <AlertTitle>
                    {translate('app.successor.title_holders', { smart_count: successor.titleHolders.length })}
                </AlertTitle>
                {successor.titleHolders.length > 0 && (
                    <Table size="small">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('resources.titles.fields.operatorName')}</TableCell>
                                <TableCell>{translate('resources.titles.fields.operatorUscc')}</TableCell>
                                <TableCell>{translate('resources.titles.fields.status')}</TableCell>
                                <TableCell align="right">{translate('resources.titles.fields.totalScore')}</TableCell>
                                <TableCell>{translate('resources.titles.fields.expiresAt')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {successor.titleHolders.map(holder => (
                                <TableRow key={holder.operatorId}>
                                    <TableCell>{holder.operatorName}</TableCell>
                                    <TableCell>{holder.uscc}</TableCell>
                                    <TableCell>
                                        {translate(`app.titles.status.${holder.status}`, { _: holder.status })}
                                    </TableCell>
                                    <TableCell align="right">{formatScore(holder.totalScore)}</TableCell>
                                    <TableCell>{formatDate(holder.expiresAt, false)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
                <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('app.successor.title_holders_helper')}
                </Typography>
            </Alert>
            {successor.flagged.length > 0 && (
                <Alert severity="warning" data-testid="successor-flagged">
                    <AlertTitle>
                        {translate('app.successor.flagged', { smart_count: successor.flagged.length })}
                    </AlertTitle>
                    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                        {successor.flagged.map((f, i) => (
                            <li key={`${f.operatorId}-${i}`}>
                                {f.operatorName}（{f.uscc}）：
                                {translate(`app.successor.flag.${f.kind}`)}
                                {f.groundName || f.reason ? ` — ${f.groundName ?? f.reason}` : ''}
                            </li>
                        ))}
                    </Box>
                </Alert>
            )}
        </Box>
    );
};

const PreviousCampaignNotice = () => {
    const translate = useTranslate();
    return (
        <FormDataConsumer<CampaignFormValues>>
            {({ formData }) =>
                formData.previousCampaignId ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.successor.previous', { id: formData.previousCampaignId })}
                    </Typography>
                ) : null
            }
        </FormDataConsumer>
    );
};

export const CampaignCreate = () => {
    const { data: programmes = [], isPending } = useProgrammes();
    const localized = useLocalizedName();
    const notify = useNotify();
    const location = useLocation();
    const successor = (location.state as SuccessorState | null)?.successor;
    const [problem, setProblem] = useState<Problem | null>(null);
    if (isPending) return <Loading />;
    const only = programmes.length === 1 ? programmes[0] : undefined;
    return (
        <Create
            redirect="show"
            transform={(values: CampaignFormValues) => {
                setProblem(null);
                return toCampaignBody(values, programmes);
            }}
            mutationOptions={{
                onError: (error: unknown) => {
                    notify(errorMessage(error), { type: 'error' });
                    setProblem(problemOf(error));
                    // Only errors of paths with an input go under the inputs (a stage's own
                    // problem "stages.2" goes under its deadline).
                    if (error instanceof HttpError && error.body?.errors) {
                        const errors = error.body.errors as Record<string, string>;
                        error.body.errors = Object.fromEntries(
                            Object.entries(errors)
                                .map(([path, message]) => [
                                    /^stages\.\d+$/.test(path) ? `${path}.dueAt` : path,
                                    message,
                                ])
                                .filter(([path]) => isInputPath(path)),
                        );
                    }
                },
            }}
        >
            <SimpleForm
                defaultValues={{
                    year: currentYear(),
                    reminderLeadHours: only?.defaults?.reminderLeadHours ?? 72,
                    programme: only?.id,
                }}
                sx={{ maxWidth: '64rem' }}
            >
                <SuccessorNotice successor={successor} />
                <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="launch-problem" />
                <SelectInput
                    source="programme"
                    choices={programmes}
                    optionText={(p: Programme) => localized(p)}
                    translateChoice={false}
                    validate={required()}
                />
                <NumberInput source="year" validate={[required(), minValue(2000)]} />
                <ReferenceInput source="jurisdictionId" reference="jurisdictions">
                    <AutocompleteInput validate={required()} />
                </ReferenceInput>
                <TextInput source="name" />
                <NumberInput source="reminderLeadHours" validate={minValue(0)} />
                <PreviousCampaignNotice />
                <SettingsInputs programmes={programmes} problem={problem} />
                <StageCalendarInputs programmes={programmes} />
            </SimpleForm>
        </Create>
    );
};
