import { Box, Typography } from '@mui/material';
import { maxValue, minValue, NumberInput, required, useTranslate } from 'react-admin';
import { DurationChoice } from './DurationChoice';
import { GroupProblems, LiveSum, num, numbers, wholeNumber } from './common';
import type { KindSettings, SettingsProps } from './types';

// A register campaign's settings (Lijiang 附件1 第15–18条): how often admitted entries are scored and what
// the score is made of (rating, complaints, findings: points adding up to 100), when removal is proposed
// (a complaint rate limit, a margin below the register's average), who is reviewed first, and the
// filing and verification periods.

const PARTS = ['rating', 'complaints', 'findings'] as const;

const Inputs = (_props: SettingsProps<'register'>) => {
  const translate = useTranslate();
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 2, mt: 1 }}>
        <DurationChoice
          source="settings.scoringPeriod"
          label="app.settings.scoringPeriod"
          units={['D', 'M', 'Y', 'H']}
          validate={[required()]}
          helperText="app.settings.scoringPeriod_helper"
        />
        <DurationChoice source="settings.filingPeriod" label="app.settings.filingPeriod" validate={[required()]} />
        <NumberInput
          source="settings.verificationDays"
          label="app.settings.verificationDays"
          validate={[required(), minValue(1), maxValue(60), wholeNumber]}
          fullWidth={false}
        />
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('app.settings.scoreWeights')}
      </Typography>
      <Box data-testid="score-weights" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}>
        {PARTS.map((part) => (
          <NumberInput
            key={part}
            source={`settings.scoreWeights.${part}`}
            label={`app.settings.scoreWeight.${part}`}
            validate={[required(), minValue(0), maxValue(100), wholeNumber]}
            step={1}
            fullWidth={false}
            helperText={false}
            sx={{ width: '10rem' }}
          />
        ))}
        <LiveSum source="settings.scoreWeights" keys={[...PARTS]} total={100} testId="score-weights-sum" />
      </Box>
      <GroupProblems path="settings.scoreWeights" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 2, mt: 1 }}>
        <NumberInput
          source="settings.complaintRateLimit"
          label="app.settings.complaintRateLimit"
          validate={[required(), minValue(0.01), maxValue(100)]}
          fullWidth={false}
          helperText="app.settings.complaintRateLimit_helper"
        />
        <NumberInput
          source="settings.belowAverageMargin"
          label="app.settings.belowAverageMargin"
          validate={[required(), minValue(0), maxValue(100)]}
          fullWidth={false}
          helperText="app.settings.belowAverageMargin_helper"
        />
        <NumberInput
          source="settings.priorityFollowers"
          label="app.settings.priorityFollowers"
          validate={[required(), minValue(0), wholeNumber]}
          step={1}
          fullWidth={false}
          helperText="app.settings.priorityFollowers_helper"
        />
      </Box>
    </>
  );
};

export const registerSettings: KindSettings<'register'> = {
  Inputs,
  toBody: (s) => ({
    scoringPeriod: typeof s.scoringPeriod === 'string' && s.scoringPeriod ? s.scoringPeriod : undefined,
    scoreWeights: numbers(s.scoreWeights, [...PARTS]),
    complaintRateLimit: num(s.complaintRateLimit),
    belowAverageMargin: num(s.belowAverageMargin),
    priorityFollowers: num(s.priorityFollowers),
    filingPeriod: typeof s.filingPeriod === 'string' && s.filingPeriod ? s.filingPeriod : undefined,
    verificationDays: num(s.verificationDays),
  }),
  inputPaths: [
    /^settings\.(scoringPeriod|filingPeriod|verificationDays|complaintRateLimit|belowAverageMargin|priorityFollowers)$/,
    /^settings\.scoreWeights\.(rating|complaints|findings)$/,
  ],
};
