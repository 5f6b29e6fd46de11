import { Box, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useBilingual } from '../useBilingual';
import type { ApplicationCard, StepState } from './api';

const COLORS: Record<StepState, string> = { done: 'success.main', current: 'primary.main', failed: 'error.main', pending: 'grey.300' };

/** 申报 → 县级预审 → 市级审核 → 培育名单 → 省级推荐 in one line of five bars (a card on a phone), the step reached named. */
export const StepBar = ({ steps }: { steps: ApplicationCard['steps'] }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const at = [...steps].reverse().find((s) => s.state !== 'pending') ?? steps[0]!;
  return (
    <Box data-testid="zhoushan-step-bar">
      <Stack direction="row" spacing={0.5} sx={{ mb: 0.5 }}>
        {steps.map((s) => (
          <Box key={s.key} title={words(s.name)} sx={{ flex: 1, height: 6, borderRadius: 3, bgcolor: COLORS[s.state] }} />
        ))}
      </Stack>
      <Typography variant="body2" color={at.state === 'failed' ? 'error' : 'text.primary'}>
        {words(at.name)} ·{' '}
        {translate(at.state === 'failed' ? 'app.zhoushan_portal.step_failed' : at.state === 'current' ? 'app.zhoushan_portal.current' : 'app.portal.task_done')}
      </Typography>
    </Box>
  );
};

/** The five steps one under the other, the current one marked, a failed one in red. */
export const StepList = ({ steps }: { steps: ApplicationCard['steps'] }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const active = steps.findIndex((s) => s.state === 'current' || s.state === 'failed');
  return (
    <Stepper orientation="vertical" activeStep={active < 0 ? steps.filter((s) => s.state === 'done').length : active} data-testid="zhoushan-steps">
      {steps.map((s) => (
        <Step key={s.key} completed={s.state === 'done'} data-state={s.state}>
          <StepLabel
            error={s.state === 'failed'}
            optional={
              s.state === 'failed' || s.state === 'current' ? (
                <Typography variant="caption" color={s.state === 'failed' ? 'error' : 'primary'}>
                  {translate(s.state === 'failed' ? 'app.zhoushan_portal.step_failed' : 'app.zhoushan_portal.current')}
                </Typography>
              ) : undefined
            }
          >
            {words(s.name)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
