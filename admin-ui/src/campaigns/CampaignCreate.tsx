import { useEffect, useRef, useState } from 'react';
import { Alert, AlertTitle, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  HttpError,
  Loading,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetList,
  useLocation,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { currentYear, programmeDate } from '../common/dates';
import { useFormatDate } from '../common/fields';
import { ProblemAlert } from '../common/ProblemAlert';
import { ServerErrorsProvider } from '../common/ServerErrors';
import { useProgrammes } from '../common/programmes';
import { formatScore } from '../common/scores';
import { useLocalizedName } from '../common/useLocalizedName';
import { problemOf, type Problem } from '../httpClient';
import type { CampaignBody, Programme, ProgrammeStage, Successor } from '../types';
import { LaunchToolbar } from './LaunchToolbar';
import { isSettingsInputPath, KindSettingsInputs, mergeSettings, settingsBody, type FormSettings } from './settings';

interface CampaignFormValues {
  programme?: string;
  year?: number;
  jurisdictionId?: string;
  name?: string;
  reminderLeadHours?: number | null;
  /** Optional overrides, by the index of the programme's stage (matches the API's error paths). */
  stages?: ({ startsAt?: string | null; dueAt?: string | null } | undefined)[];
  /** The programme kind's settings (campaigns/settings/), as its inputs hold them. */
  settings?: FormSettings;
  /** Next year's run of a campaign (set when launched from its page). */
  previousCampaignId?: string;
}

/** What the campaign page hands over when it opens this form for next year's run. */
export interface SuccessorState {
  record?: CampaignFormValues;
  successor?: Pick<Successor, 'titleHolders' | 'flagged'>;
}

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
  const programme = programmes.find((p) => p.id === values.programme);
  if (programme && overrides.some((s) => s?.startsAt || s?.dueAt)) {
    body.stages = programme.stages.map((stage, i) => ({
      key: stage.key,
      startsAt: overrides[i]?.startsAt || programmeDate(year, stage.defaultStart),
      dueAt: overrides[i]?.dueAt || programmeDate(year, stage.defaultDue),
    }));
  }
  // Only the chosen programme's kind's settings: the API refuses another kind's (a stale input's value
  // left from a programme chosen before is not sent).
  if (programme && values.settings) body.settings = settingsBody(programme, values.settings);
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
  stages: programme?.stages.map((stage) => {
    const given = launch.stages?.find((s) => s.key === stage.key);
    return { startsAt: given?.startsAt?.slice(0, 10) ?? null, dueAt: given?.dueAt?.slice(0, 10) ?? null };
  }),
  settings: launch.settings as FormSettings | undefined,
  previousCampaignId: launch.previousCampaignId,
});

// Paths the form has an input for; other problems (a whole group of weights, the criterion points'
// sum, a stage) are listed in the alert above the form and under their group (see
// common/formErrors.ts on why).
const INPUT_PATHS = [/^(programme|year|jurisdictionId|name|reminderLeadHours)$/, /^stages\.\d+\.(startsAt|dueAt)$/];
const isInputPath = (path: string) => INPUT_PATHS.some((re) => re.test(path)) || isSettingsInputPath(path);

/** The API's problems that belong under an input, by the input's path. */
const inputErrorsOf = (error: unknown): Record<string, string> => {
  const errors = (error instanceof HttpError ? (error.body?.errors as Record<string, string> | undefined) : undefined) ?? {};
  return Object.fromEntries(
    Object.entries(errors)
      .map(([path, message]) => [/^stages\.\d+$/.test(path) ? `${path}.dueAt` : path, message])
      .filter(([path]) => isInputPath(path)),
  );
};

const StageDatesRow = ({ stage, index, year }: { stage: ProgrammeStage; index: number; year?: number }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const defaultText = (monthDay: string) => translate('app.campaign.default_date', { date: year ? programmeDate(year, monthDay) : monthDay });
  return (
    <Box data-testid={`stage-dates-${stage.key}`} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}>
      <Typography sx={{ width: '10rem' }}>{localized(stage)}</Typography>
      <DateInput source={`stages.${index}.startsAt`} label="app.campaign.startsAt" fullWidth={false} helperText={defaultText(stage.defaultStart)} />
      <DateInput source={`stages.${index}.dueAt`} label="app.campaign.dueAt" fullWidth={false} helperText={defaultText(stage.defaultDue)} />
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
          const programme = programmes.find((p) => p.id === formData.programme);
          if (!programme) {
            return <Typography color="text.secondary">{translate('app.campaign.choose_programme')}</Typography>;
          }
          return programme.stages.map((stage, index) => (
            <StageDatesRow key={`${programme.id}-${stage.key}`} stage={stage} index={index} year={formData.year} />
          ));
        }}
      </FormDataConsumer>
    </Box>
  );
};

/**
 * The chosen programme's settings, its kind's own inputs (campaigns/settings/). They start from the
 * programme's defaults (with last year's on top for next year's run); choosing another programme starts
 * again from its defaults, so nothing of the one chosen before is carried over.
 */
const SettingsInputs = ({ programmes }: { programmes: Programme[] }) => {
  const { getValues, setValue, clearErrors } = useFormContext<CampaignFormValues>();
  const programmeId = useWatch<CampaignFormValues, 'programme'>({ name: 'programme' });
  const programme = programmes.find((p) => p.id === programmeId);
  // What the form opened with (next year's run: the programme and last year's settings), used once.
  const opened = useRef<CampaignFormValues | null>(getValues());
  const [loadedFor, setLoadedFor] = useState<string>();
  useEffect(() => {
    if (!programme) return;
    const given = opened.current?.programme === programme.id ? opened.current.settings : undefined;
    opened.current = null;
    clearErrors('settings');
    setValue('settings', mergeSettings(programme.defaults.settings, given));
    setLoadedFor(programme.id);
  }, [programme, getValues, setValue, clearErrors]);
  // The inputs mount once their values are in place (each reads its value as it mounts).
  if (!programme || loadedFor !== programme.id) return null;
  return <KindSettingsInputs key={programme.id} programme={programme} />;
};

/** Next year's run: last year's title holders (with expiry) and the operators to look at twice. */
const SuccessorNotice = ({ successor }: { successor?: SuccessorState['successor'] }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  if (!successor) return null;
  return (
    <Box sx={{ width: '100%' }} data-testid="successor-notice">
      <Alert severity="info" sx={{ mb: 1 }}>
        <AlertTitle>{translate('app.successor.title_holders', { smart_count: successor.titleHolders.length })}</AlertTitle>
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
              {successor.titleHolders.map((holder) => (
                <TableRow key={holder.operatorId}>
                  <TableCell>{holder.operatorName}</TableCell>
                  <TableCell>{holder.uscc}</TableCell>
                  <TableCell>{translate(`app.titles.status.${holder.status}`, { _: holder.status })}</TableCell>
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
          <AlertTitle>{translate('app.successor.flagged', { smart_count: successor.flagged.length })}</AlertTitle>
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

/**
 * Levels that run a campaign: a county or a city launches it, its stations carry it out (api/campaign-launch.ts
 * LAUNCH_LEVELS, api/README.md); a station is not offered.
 */
const LAUNCH_LEVELS = ['province', 'city', 'county'];

const LaunchJurisdictionInput = () => {
  const { data = [], isPending } = useGetList<{ id: string; name: string; level: string }>('jurisdictions', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'path', order: 'ASC' },
  });
  return (
    <AutocompleteInput
      source="jurisdictionId"
      choices={data.filter((j) => LAUNCH_LEVELS.includes(j.level))}
      optionText="name"
      isPending={isPending}
      validate={required()}
    />
  );
};

export const CampaignCreate = () => {
  const { data: programmes = [], isPending } = useProgrammes();
  const localized = useLocalizedName();
  const notify = useNotify();
  const redirect = useRedirect();
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
        // Said in plain words: which campaign started and how many operators it enrolled (not 条目已新建).
        onSuccess: (data: { id: string; name: string; kind?: string; caseCount?: number }) => {
          const byApplication = data.kind === 'application' || data.kind === 'register';
          notify(byApplication ? 'app.launch.launched_by_application' : 'app.launch.launched', {
            type: 'success',
            messageArgs: { name: data.name, smart_count: data.caseCount ?? 0 },
          });
          redirect('show', 'campaigns', data.id);
        },
        // The refusal is said once, above the form (ProblemAlert), not also in a toast.
        onError: (error: unknown) => {
          setProblem(problemOf(error));
          // Only errors of paths with an input go under the inputs (a stage's own
          // problem "stages.2" goes under its deadline).
          if (error instanceof HttpError && error.body?.errors) error.body.errors = inputErrorsOf(error);
        },
      }}
    >
      <ServerErrorsProvider problem={problem}>
        <SimpleForm
          defaultValues={{
            year: currentYear(),
            reminderLeadHours: only?.defaults.reminderLeadHours ?? 72,
            programme: only?.id,
          }}
          sx={{ maxWidth: '64rem' }}
          toolbar={
            <LaunchToolbar toBody={(values) => toCampaignBody(values as CampaignFormValues, programmes)} onProblem={setProblem} inputErrorsOf={inputErrorsOf} />
          }
        >
          <SuccessorNotice successor={successor} />
          <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="launch-problem" />
          <SelectInput source="programme" choices={programmes} optionText={(p: Programme) => localized(p)} translateChoice={false} validate={required()} />
          <NumberInput source="year" validate={[required(), minValue(2000)]} />
          <LaunchJurisdictionInput />
          <TextInput source="name" />
          <NumberInput source="reminderLeadHours" validate={minValue(0)} />
          <PreviousCampaignNotice />
          <SettingsInputs programmes={programmes} />
          <StageCalendarInputs programmes={programmes} />
        </SimpleForm>
      </ServerErrorsProvider>
    </Create>
  );
};
