import { useState } from 'react';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Form,
  ResourceContextProvider,
  required,
  SaveButton,
  TextInput,
  Title,
  maxLength,
  useLocaleState,
  useNavigate,
  useNotify,
  useTranslate,
} from 'react-admin';
import { CheckboxInput } from '../../common/CheckboxInput';
import { inputErrors } from '../../common/formErrors';
import { ProblemAlert } from '../../common/ProblemAlert';
import { shanghaiDay } from '../../common/dates';
import { problemOf, type Problem } from '../../httpClient';
import { StickyActions } from '../../layout/StickyActions';
import { AttachmentInput } from '../../registers/AttachmentInput';
import {
  APPLICATION_FORM_DEFAULTS,
  ApplicationFormInputs,
  isApplicationInput,
  mustSign,
  renameApplicationPath,
  toApplicationForm,
  type ApplicationFormValues,
} from '../../tasks/ApplicationFormInputs';
import { Pending } from '../MyCasesPage';
import { BackButton } from '../PageParts';
import { useBilingual } from '../useBilingual';
import { fileApplication, openCampaigns, type ComplianceStatement, type OpenCampaign } from './api';

interface ApplyValues extends ApplicationFormValues {
  attachmentIds?: string[];
  signatory?: string;
}

const isInput = (path: string) => path === 'signatory' || path.startsWith('attachmentIds') || isApplicationInput(path);
const rename = (path: string) =>
  path.startsWith('attachmentIds') ? 'attachmentIds' : path.startsWith('complianceStatement') ? 'signatory' : renameApplicationPath(path);

/** 四、培育准则: the 12 criteria the city audit scores, folded away under the campaign. */
const Criteria = ({ campaign }: { campaign: OpenCampaign }) => {
  const translate = useTranslate();
  const words = useBilingual();
  return (
    <Accordion disableGutters variant="outlined" data-testid="zhoushan-criteria">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">{translate('app.zhoushan_portal.criteria')}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        {campaign.criteria.map((g) => (
          <Box key={g.key} sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{words(g.name)}</Typography>
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {g.criteria.map((c) => (
                <li key={c.key}>
                  <Typography variant="body2">
                    {words(c.name)}
                    {c.points != null && `（${translate('app.zhoushan_portal.criteria_points', { points: c.points })}）`}
                  </Typography>
                </li>
              ))}
            </Box>
          </Box>
        ))}
      </AccordionDetails>
    </Accordion>
  );
};

/** The campaigns taking applications where the room is registered: one to choose, and why not where it may not. */
const CampaignChoice = ({ campaigns, value, onChange }: { campaigns: OpenCampaign[]; value?: string; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  return (
    <RadioGroup value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {campaigns.map((c) => {
        const blocked = !!c.appliedCaseId || c.problems.length > 0;
        return (
          <Card key={c.id} variant="outlined" sx={{ mb: 1 }} data-testid="zhoushan-open-campaign" data-campaign-id={c.id}>
            <CardContent sx={{ pb: '12px !important' }}>
              <FormControlLabel
                value={c.id}
                disabled={blocked}
                control={<Radio />}
                label={
                  <Box>
                    <Typography variant="subtitle1">{c.name}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {c.jurisdictionName} · {translate('app.zhoushan_portal.applications_until', { date: shanghaiDay(c.stage.dueAt) })}
                    </Typography>
                  </Box>
                }
              />
              {c.appliedCaseId && (
                <Alert severity="info" sx={{ mt: 1 }}>
                  {translate('app.zhoushan_portal.already_applied')}{' '}
                  <Button size="small" onClick={() => navigate(`/applications/${encodeURIComponent(c.appliedCaseId!)}`)}>
                    {translate('app.zhoushan_portal.view_application')}
                  </Button>
                </Alert>
              )}
              {!c.appliedCaseId && c.problems.length > 0 && (
                <Alert severity="warning" sx={{ mt: 1 }} data-testid="zhoushan-not-eligible">
                  {translate('app.zhoushan_portal.not_eligible')}
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {c.problems.map((p) => (
                      <li key={p.code}>{words(p)}</li>
                    ))}
                  </Box>
                </Alert>
              )}
              <Box sx={{ mt: 1 }}>
                <Criteria campaign={c} />
              </Box>
            </CardContent>
          </Card>
        );
      })}
    </RadioGroup>
  );
};

/** The statement as the server keeps it (the text signed is stored with the signatory and the time). */
const Statement = ({ statement }: { statement: ComplianceStatement }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid="zhoushan-statement">
      <Typography variant="subtitle1">{translate('app.zhoushan_portal.statement')}</Typography>
      <Box sx={{ maxHeight: '14rem', overflowY: 'auto', p: 1.5, my: 1, bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {(locale === 'en' ? statement.en : statement.zh).replace(/([；;]) ?/g, '$1\n')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {statement.clause}
        </Typography>
      </Box>
      <CheckboxInput source="form.complianceStatement" label="app.zhoushan_portal.statement_agree" validate={mustSign} />
      <TextInput
        source="signatory"
        label="app.zhoushan_portal.signatory"
        helperText="app.zhoushan_portal.signatory_helper"
        validate={[required(), maxLength(50)]}
        fullWidth
      />
    </Box>
  );
};

/**
 * 申报 (舟山方案 六、（二）: 按照自愿原则，由直播间运营者提出申请): the live room chooses the campaign, fills in
 * the same twelve fields as the county officer's form, attaches its files and signs the compliance
 * statement with its legal representative's name. A refusal lists every reason the API gives.
 */
export const ApplyPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const open = useQuery({ queryKey: ['portal', 'zhoushan', 'open-campaigns'], queryFn: openCampaigns });
  const [chosen, setChosen] = useState<string>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const campaigns = open.data?.campaigns ?? [];
  const eligible = campaigns.filter((c) => !c.appliedCaseId && c.problems.length === 0);
  const campaignId = chosen ?? (eligible.length === 1 ? eligible[0]!.id : undefined);

  const submit = async (values: ApplyValues) => {
    setProblem(null);
    if (!campaignId || !open.data) return undefined;
    try {
      const { caseId } = await fileApplication({
        campaignId,
        form: toApplicationForm(values),
        attachmentIds: values.attachmentIds ?? [],
        complianceStatement: { version: open.data.statement.version, signatory: (values.signatory ?? '').trim() },
      });
      notify('app.zhoushan_portal.filed', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      navigate(`/applications/${encodeURIComponent(caseId)}`);
      return undefined;
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      return inputErrors(error, isInput, rename);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="zhoushan-apply">
      <Title title="app.zhoushan_portal.apply_title" />
      <BackButton label="app.zhoushan_portal.menu" onClick={() => navigate('/applications')} />
      <Typography variant="h5" component="h2">
        {translate('app.zhoushan_portal.apply_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.zhoushan_portal.apply_intro')}
      </Typography>
      {!open.data ? (
        <Pending error={open.error} />
      ) : campaigns.length === 0 ? (
        <Alert severity="info">{translate('app.zhoushan_portal.no_open')}</Alert>
      ) : (
        <>
          <CampaignChoice campaigns={campaigns} value={campaignId} onChange={setChosen} />
          {campaignId && (
            <Card sx={{ overflow: 'visible' }}>
              <CardContent>
                {/* react-admin's array inputs need a resource to name their items (the portal's pages have none). */}
                <ResourceContextProvider value="portal/applications">
                  <Form record={{ ...APPLICATION_FORM_DEFAULTS, attachmentIds: [], signatory: '' }} onSubmit={submit}>
                    <Stack spacing={1} data-testid="zhoushan-apply-form">
                      <Typography variant="subtitle1">{translate('app.zhoushan_portal.form')}</Typography>
                      <ApplicationFormInputs statement={false} />
                      <AttachmentInput
                        source="attachmentIds"
                        label="app.zhoushan_portal.attachments"
                        helperText="app.zhoushan_portal.attachments_helper"
                        testId="zhoushan-attachments"
                      />
                      <Statement statement={open.data.statement} />
                      <ProblemAlert problem={problem} title="app.application.refused" testId="zhoushan-apply-problem" />
                      <StickyActions>
                        <SaveButton label="app.zhoushan_portal.submit" data-testid="zhoushan-apply-submit" alwaysEnable />
                      </StickyActions>
                    </Stack>
                  </Form>
                </ResourceContextProvider>
              </CardContent>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
};
