import { useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import PostAddIcon from '@mui/icons-material/PostAdd';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  AutocompleteInput,
  Button,
  Form,
  Link,
  ReferenceInput,
  required,
  SaveButton,
  useDataProvider,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import { Section } from '../common/Section';
import type { AppDataProvider } from '../dataProvider';
import { API_URL, httpClient, problemOf, type Problem } from '../httpClient';
import { canFileApplications } from '../permissions';
import {
  APPLICATION_FORM_DEFAULTS,
  ApplicationFormInputs,
  isApplicationInput,
  renameApplicationPath,
  toApplicationForm,
  type ApplicationFormValues,
} from '../tasks/ApplicationFormInputs';
import { APPLICATION_STEPS, type Campaign, type Operator, type Role } from '../types';

export const useApplicationCounts = (campaign?: Campaign) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'application-counts', campaign?.id],
    queryFn: () => dataProvider.applicationCounts(campaign!.id),
    enabled: !!campaign,
  });
};

/** 各县区申报情况: how many applications are at each step, per county, with the totals. */
const ApplicationCountsTable = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApplicationCounts(campaign);
  if (isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const counties = data?.counties ?? [];
  if (!counties.length) {
    return <Typography color="text.secondary">{translate('app.application.no_applications')}</Typography>;
  }
  const total = (key: 'total' | (typeof APPLICATION_STEPS)[number]) => counties.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="application-counts">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.application.county')}</TableCell>
            <TableCell align="right">{translate('app.application.total')}</TableCell>
            {APPLICATION_STEPS.map((step) => (
              <TableCell key={step} align="right">
                {translate(`app.application.step.${step}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {counties.map((row) => (
            <TableRow key={row.jurisdictionId} data-testid={`counts-${row.jurisdictionId}`}>
              <TableCell>{row.name}</TableCell>
              <TableCell align="right">{row.total}</TableCell>
              {APPLICATION_STEPS.map((step) => (
                <TableCell key={step} align="right">
                  {row[step] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
            <TableCell>{translate('app.application.all_counties')}</TableCell>
            <TableCell align="right">{total('total')}</TableCell>
            {APPLICATION_STEPS.map((step) => (
              <TableCell key={step} align="right">
                {total(step)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {translate('app.application.counts_helper')}
      </Typography>
    </Box>
  );
};

interface FileValues extends ApplicationFormValues {
  operatorId?: string;
}

// Inputs of the dialog, by the path the API reports a problem on (form.mainCategories.0 → the text).
const isInput = (path: string) => path === 'operatorId' || isApplicationInput(path);

const operatorText = (operator?: Operator) => (operator ? `${operator.name}（${operator.uscc}）` : '');

interface Eligibility {
  eligible: boolean;
  problems: { code: string; messageZh: string; messageEn: string }[];
}

/**
 * Eligibility is asked as soon as the operator is picked (三、培育对象): an operator that may not apply
 * shows every reason at once, and the form stays hidden, rather than refusing after it was all filled in.
 */
const EligibleOnly = ({ campaignId, children }: { campaignId: string; children: ReactNode }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const operatorId = useWatch<FileValues>({ name: 'operatorId' }) as string | undefined;
  const { data } = useQuery({
    queryKey: ['application-eligibility', campaignId, operatorId],
    queryFn: async () =>
      (await httpClient(`${API_URL}/campaigns/${encodeURIComponent(campaignId)}/applications/eligibility/${encodeURIComponent(operatorId!)}`))
        .json as Eligibility,
    enabled: !!operatorId,
  });
  if (!operatorId || !data) return null;
  if (!data.eligible)
    return (
      <Alert severity="warning" data-testid="application-not-eligible">
        {translate('app.application.not_eligible')}
        <ul style={{ margin: 0 }}>
          {data.problems.map((p) => (
            <li key={p.code}>{locale === 'en' ? p.messageEn : p.messageZh}</li>
          ))}
        </ul>
      </Alert>
    );
  return (
    <>
      <Alert severity="success" data-testid="application-eligible">
        {translate('app.application.eligible')}
      </Alert>
      {children}
    </>
  );
};

/**
 * 申报: the county officer (or a coordinator) files the application form for a registered
 * operator of their jurisdiction. A refusal lists every eligibility reason the API gives
 * (too recently registered, outside the city, 经营异常名录, 严重违法失信名单).
 */
const FileApplicationButton = ({ campaign, open: stageOpen }: { campaign: Campaign; open: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  // <Form> resets when its record changes: a new one only after an application is filed.
  const record = useMemo(() => ({ id: `application-${generation}`, ...APPLICATION_FORM_DEFAULTS }), [generation]);
  const close = () => {
    setOpen(false);
    setProblem(null);
  };
  const submit = async (values: FileValues) => {
    setProblem(null);
    const body = { operatorId: values.operatorId ?? '', form: toApplicationForm(values) };
    try {
      const { caseId } = await dataProvider.fileApplication(campaign.id, body);
      setFiled(caseId);
      notify('app.application.filed', { type: 'success' });
      setOpen(false);
      setGeneration((g) => g + 1);
      refresh();
      return undefined;
    } catch (error) {
      setProblem(problemOf(error));
      return inputErrors(error, isInput, renameApplicationPath);
    }
  };
  return (
    <Stack spacing={1}>
      <Box>
        <Button
          label="app.application.file"
          variant="contained"
          data-testid="file-application"
          disabled={!stageOpen}
          onClick={() => {
            setFiled(null);
            setOpen(true);
          }}
        >
          <PostAddIcon />
        </Button>
      </Box>
      {!stageOpen && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.application.stage_not_open')}
        </Typography>
      )}
      {filed && (
        <Alert severity="success" data-testid="application-filed">
          {translate('app.application.filed')} <Link to={`/cases/${encodeURIComponent(filed)}/show`}>{translate('app.application.view_case')}</Link>
        </Alert>
      )}
      <Dialog open={open} onClose={close} fullWidth maxWidth="md">
        <DialogTitle>{translate('app.application.file_title')}</DialogTitle>
        <Form record={record} onSubmit={submit}>
          <DialogContent>
            <Stack spacing={1} data-testid="application-form">
              <Typography variant="body2" color="text.secondary">
                {translate('app.application.eligibility_helper')}
              </Typography>
              <ReferenceInput source="operatorId" reference="operators" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput label="app.application.operator" optionText={operatorText} validate={required()} fullWidth />
              </ReferenceInput>
              <EligibleOnly campaignId={String(campaign.id)}>
                <ApplicationFormInputs />
              </EligibleOnly>
              <ProblemAlert problem={problem} title="app.application.refused" testId="application-problem" />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <SaveButton label="app.application.submit" data-testid="application-submit" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </Stack>
  );
};

/** 申报: applications per step per county, and filing a new one. */
export const ApplicationsTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  if (!campaign) return null;
  const stage = campaign.stages?.find((s) => s.key === 'application');
  const stageOpen = campaign.status === 'running' && stage?.status === 'open';
  return (
    <Box data-testid="applications-tab">
      {canFileApplications(permissions) && (
        <Section title="app.application.file_section">
          <FileApplicationButton campaign={campaign} open={stageOpen} />
        </Section>
      )}
      <Section title="app.application.counts">
        <ApplicationCountsTable campaign={campaign} />
      </Section>
    </Box>
  );
};
