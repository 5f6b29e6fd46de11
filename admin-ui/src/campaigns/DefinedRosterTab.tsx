import { Box, Typography } from '@mui/material';
import { minValue, maxValue, NumberInput, useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { FormCard } from '../common/FormCard';
import { Section } from '../common/Section';
import { useRecordingForm } from '../common/useRecordingForm';
import type { AppDataProvider } from '../dataProvider';
import { canRunCampaigns } from '../permissions';
import type { Campaign, Role } from '../types';
import { definitionOf } from './kind';
import { RostersTab } from './RostersTab';

const num = (value: unknown) => (value == null || value === '' ? undefined : Number(value));

/**
 * 名单 of a campaign of a programme defined as data: after the rubric stage (or every rubric task)
 * the coordinator confirms the list by the threshold and / or quota (the definition's unless
 * changed; POST /api/campaigns/:id/roster), then the published lists.
 */
export const DefinedRosterTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const definition = definitionOf(campaign, 'defined');
  const roster = definition?.rules.defined.roster;
  // The campaign's own threshold and quota: the definition's, or what the coordinator set at launch.
  const settings = definition?.settings;
  const { record, submit, problem } = useRecordingForm({
    idPrefix: 'defined-roster',
    defaults: { threshold: settings?.listThreshold ?? '', quota: settings?.listQuota ?? '' },
    action: (values: { threshold?: number | string; quota?: number | string }) => {
      const threshold = num(values.threshold);
      const quota = num(values.quota);
      return dataProvider.confirmDefinedRoster(campaign!.id, {
        ...(threshold !== undefined ? { threshold } : {}),
        ...(quota !== undefined ? { quota } : {}),
      });
    },
    success: 'app.defined_roster.confirmed',
  });
  if (!campaign) return null;
  return (
    <Box data-testid="defined-roster-tab">
      {canRunCampaigns(permissions) && campaign.status === 'running' && (
        <Section title="app.defined_roster.title">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.defined_roster.helper', { name: roster?.name ?? '' })}
          </Typography>
          <FormCard
            testId="defined-roster"
            label="app.defined_roster.confirm"
            record={record}
            onSubmit={submit}
            problem={problem}
            submitTestId="defined-roster-submit"
          >
            <NumberInput source="threshold" label="app.programme.threshold" validate={[minValue(0), maxValue(100)]} />
            <NumberInput source="quota" label="app.programme.quota" validate={minValue(1)} />
          </FormCard>
        </Section>
      )}
      <RostersTab label={false} />
    </Box>
  );
};
