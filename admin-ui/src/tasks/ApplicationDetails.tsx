import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import type { ApplicationForm, PlatformAccount } from '../types';

/** 抖音：zs_fresh（粉丝 12000）; unknown platforms as they are. */
export const usePlatformAccountLabel = () => {
  const translate = useTranslate();
  return (account: Partial<PlatformAccount>) => {
    const platform = account.platform ? translate(`app.operator.platform.${account.platform}`, { _: account.platform }) : '';
    const followers = account.followers != null ? translate('app.application.followers_count', { count: account.followers }) : '';
    return `${platform}：${account.account ?? ''}${followers}`;
  };
};

export const PlatformAccountChips = ({ accounts }: { accounts?: unknown }) => {
  const label = usePlatformAccountLabel();
  if (!Array.isArray(accounts) || accounts.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {accounts.map((account, i) => (
        <Chip key={i} size="small" label={label(account as Partial<PlatformAccount>)} />
      ))}
    </Stack>
  );
};

/**
 * 申报表 as the county officer filed it (every task of an application case carries it in
 * `details.application`), laid out label / value rather than as JSON.
 */
export const ApplicationDetails = ({ application }: { application?: (Partial<ApplicationForm> & Record<string, unknown>) | null }) => {
  const translate = useTranslate();
  if (!application) {
    return <Typography color="text.secondary">{translate('app.application.none')}</Typography>;
  }
  const a = application;
  const num = (value: unknown, unit?: string) => (value == null || value === '' ? null : unit ? translate(unit, { value: String(value) }) : String(value));
  return (
    <InfoTable
      testId="application-details"
      rows={[
        ['app.application.liveRoomName', a.liveRoomName],
        ['app.application.address', a.address],
        ['app.application.contactName', a.contactName],
        ['app.application.contactPhone', a.contactPhone],
        [
          'app.application.platformAccounts',
          Array.isArray(a.platformAccounts) && a.platformAccounts.length ? <PlatformAccountChips accounts={a.platformAccounts} /> : null,
        ],
        ['app.application.mainCategories', (a.mainCategories ?? []).join('、')],
        ['app.application.streamerCount', num(a.streamerCount)],
        ['app.application.certifiedStreamers', num(a.certifiedStreamers)],
        ['app.application.annualSalesWan', num(a.annualSalesWan, 'app.application.wan')],
        ['app.application.contentRetentionYears', num(a.contentRetentionYears, 'app.application.years')],
        [
          'app.application.complianceStatement',
          a.complianceStatement == null ? null : translate(a.complianceStatement ? 'app.application.signed' : 'app.application.unsigned'),
        ],
        ['app.application.introduction', a.introduction],
      ]}
    />
  );
};
