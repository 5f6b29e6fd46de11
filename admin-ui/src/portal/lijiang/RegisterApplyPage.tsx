import { useMemo, useState } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, HttpError, ResourceContextProvider, SaveButton, Title, useNavigate, useNotify, useParams, useTranslate } from 'react-admin';
import { inputErrors } from '../../common/formErrors';
import { ProblemAlert } from '../../common/ProblemAlert';
import { ServerErrorsProvider } from '../../common/ServerErrors';
import { shanghaiDay } from '../../common/dates';
import { errorMessage, problemOf, type Problem } from '../../httpClient';
import { StickyActions } from '../../layout/StickyActions';
import { AttachmentInput } from '../../registers/AttachmentInput';
import {
  influencerForm,
  InfluencerInputs,
  INTAKE_DEFAULTS,
  isInput,
  productForm,
  ProductInputs,
  renamePath,
  type ApplicationValues,
} from '../../registers/ApplicationCreate';
import type { Register } from '../../types';
import { Pending } from '../MyCasesPage';
import { fileRegisterApplication, openRegisterCampaigns } from './api';

/**
 * 申报入库 by the applicant (附件1 第17条, 附件2 第8条): the intake form of the chosen register, the staff
 * console's own inputs (registers/ApplicationCreate.tsx) in one column, its files uploaded as the operator
 * (POST /api/attachments). The API checks the intake standard and names every missing item under its input.
 */
export const RegisterApplyPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { campaignId = '', register: registerParam } = useParams();
  const register: Register = registerParam === 'influencer' ? 'influencer' : 'product';
  const open = useQuery({ queryKey: ['portal', 'lijiang', 'open-campaigns'], queryFn: openRegisterCampaigns });
  const campaign = open.data?.find((c) => c.id === campaignId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMemo(() => ({ form: INTAKE_DEFAULTS[register] }), [register]);

  const submit = async (values: ApplicationValues) => {
    setProblem(null);
    const raw = values.form ?? {};
    try {
      const out = await fileRegisterApplication({ campaignId, register, form: register === 'product' ? productForm(raw) : influencerForm(raw) });
      notify('app.lijiang_portal.filed', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['portal', 'lijiang'] });
      navigate(`/register/${encodeURIComponent(out.entryId)}`);
      return undefined;
    } catch (error) {
      // 409: outside the window, or the same product / account again; 403: a file uploaded by someone else.
      // A 400 is shown once, on the form (its alert and fields); anything else in a toast.
      if (!(error instanceof HttpError && error.status === 400)) notify(errorMessage(error), { type: 'error' });
      if (error instanceof HttpError && error.status === 400) {
        setProblem(problemOf(error));
        return inputErrors(error, isInput, renamePath);
      }
      return undefined;
    }
  };

  return (
    <Stack spacing={1.5} data-testid="lijiang-apply">
      <Title title={`app.lijiang_portal.apply_title.${register}`} />
      <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/register')} sx={{ alignSelf: 'flex-start' }}>
        {translate('app.lijiang_portal.back')}
      </Button>
      <Typography variant="h5" component="h2">
        {translate(`app.lijiang_portal.apply_title.${register}`)}
      </Typography>
      {!open.data ? (
        <Pending error={open.error} />
      ) : !campaign ? (
        <Alert severity="warning">{translate('app.lijiang_portal.campaign_gone')}</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {campaign.name} · {translate('app.lijiang_portal.window', { from: shanghaiDay(campaign.windowStartsAt), until: shanghaiDay(campaign.windowDueAt) })}
          </Typography>
          <Alert severity="info">{translate(`app.register.create_helper.${register}`)}</Alert>
          {/* overflow visible: the sticky submit bar sticks to the screen, not to the card (layout/StickyActions). */}
          <Card sx={{ overflow: 'visible' }}>
            <CardContent>
              {/* The list inputs (live links, accounts) need a resource: the form is a register entry's. */}
              <ResourceContextProvider value="register-entries">
                <ServerErrorsProvider problem={problem}>
                  <Form record={record} onSubmit={submit}>
                    <Stack spacing={1} data-testid={`lijiang-form-${register}`} sx={{ '& .MuiFormControl-root': { maxWidth: '100%' } }}>
                      {register === 'product' ? <ProductInputs /> : <InfluencerInputs />}
                      <Typography variant="subtitle1">{translate('app.register.section.materials')}</Typography>
                      <AttachmentInput
                        source="form.materials"
                        label="app.register.field.materials"
                        helperText="app.register.help.materials"
                        testId="attachments-materials"
                      />
                      <ProblemAlert problem={problem} title="app.register.refused" testId="lijiang-problem" />
                      <StickyActions>
                        <SaveButton label="app.lijiang_portal.submit" data-testid="lijiang-submit" alwaysEnable />
                      </StickyActions>
                    </Stack>
                  </Form>
                </ServerErrorsProvider>
              </ResourceContextProvider>
            </CardContent>
          </Card>
        </>
      )}
    </Stack>
  );
};
