import { Box, Typography } from '@mui/material';
import { maxValue, minValue, NumberInput, required, useTranslate } from 'react-admin';
import { DurationChoice } from './DurationChoice';
import { useLocalizedName } from '../../common/useLocalizedName';
import { GroupProblems, limit, LIST_PATHS, ListLimitInputs, LiveSum, numbers, wholeNumber } from './common';
import type { KindSettings, SettingsProps } from './types';

// An application campaign's settings (Zhoushan 六、（二）–（四）): the points of each criterion of the
// 培育准则 (whole numbers adding up to 100, grouped as the rubric groups them), the county's pre-review
// period (属地初审), and how the cultivation list is chosen (a threshold, a quota or both).

const criteriaOf = (programme: SettingsProps<'application'>['programme']) => programme.application.rubric.flatMap((g) => g.criteria.map((c) => c.key));

const Inputs = ({ programme }: SettingsProps<'application'>) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('app.settings.criterionPoints')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.settings.criterionPoints_helper')}
      </Typography>
      <Box data-testid="criterion-points">
        {programme.application.rubric.map((group) => (
          <Box
            key={group.key}
            data-testid={`criteria-${group.key}`}
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 1, py: 0.5, borderBottom: 1, borderColor: 'divider' }}
          >
            <Typography variant="body2" color="text.secondary" sx={{ pt: 2, width: '10rem' }}>
              {localized(group)}
            </Typography>
            {group.criteria.map((c) => (
              <NumberInput
                key={c.key}
                source={`settings.criterionPoints.${c.key}`}
                label={localized(c)}
                fullWidth={false}
                sx={{ width: '11rem' }}
                min={0}
                max={100}
                step={1}
                helperText={false}
                validate={[required(), minValue(0), maxValue(100), wholeNumber]}
              />
            ))}
          </Box>
        ))}
        <LiveSum source="settings.criterionPoints" keys={criteriaOf(programme)} total={100} testId="criterion-points-sum" />
        <GroupProblems path="settings.criterionPoints" />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 2, mt: 2 }}>
        <DurationChoice
          source="settings.preReviewPeriod"
          label="app.settings.preReviewPeriod"
          validate={[required()]}
          helperText="app.settings.preReviewPeriod_helper"
        />
        <ListLimitInputs what="cultivation" />
        {/* 七、（三）日常监测和评估: listed rooms evaluated every so many months; blank, none. */}
        <NumberInput
          source="settings.evaluationPeriodMonths"
          label="app.settings.evaluationPeriodMonths"
          helperText="app.settings.evaluationPeriodMonths_helper"
          validate={[minValue(1), maxValue(24), wholeNumber]}
          fullWidth={false}
        />
      </Box>
    </>
  );
};

export const applicationSettings: KindSettings<'application'> = {
  Inputs,
  toBody: (s, programme) => ({
    criterionPoints: numbers(s.criterionPoints, criteriaOf(programme)),
    preReviewPeriod: typeof s.preReviewPeriod === 'string' && s.preReviewPeriod ? s.preReviewPeriod : undefined,
    listThreshold: limit(s.listThreshold),
    listQuota: limit(s.listQuota),
    evaluationPeriodMonths: limit(s.evaluationPeriodMonths),
  }),
  inputPaths: [/^settings\.criterionPoints\.[^.]+$/, /^settings\.(preReviewPeriod|evaluationPeriodMonths)$/, ...LIST_PATHS],
};
