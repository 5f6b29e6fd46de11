import type { ReactNode } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import { shanghaiDay } from '../common/dates';
import type { ApplicationForm, PlatformAccount } from '../types';
import { EvidenceList, type EvidenceFile } from './EvidenceFiles';

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

/** The fields of the 申报表 in its order (domain/application-form.ts APPLICATION_FIELDS). */
export const APPLICATION_KEYS = [
  'liveRoomName',
  'address',
  'contactName',
  'contactPhone',
  'platformAccounts',
  'mainCategories',
  'streamerCount',
  'certifiedStreamers',
  'annualSalesWan',
  'contentRetentionYears',
  'complianceStatement',
  'introduction',
] as const;

/** One field's value as the form shows it (accounts as chips, amounts with their unit); null when empty. */
export const useApplicationValue = () => {
  const translate = useTranslate();
  return (key: string, value: unknown): ReactNode => {
    if (value == null || value === '') return null;
    const num = (unit?: string) => (unit ? translate(unit, { value: String(value) }) : String(value));
    switch (key) {
      case 'platformAccounts':
        return Array.isArray(value) && value.length ? <PlatformAccountChips accounts={value} /> : null;
      case 'mainCategories':
        return Array.isArray(value) ? value.join('、') : String(value);
      case 'annualSalesWan':
        return num('app.application.wan');
      case 'contentRetentionYears':
        return num('app.application.years');
      case 'complianceStatement':
        return translate(value ? 'app.application.signed' : 'app.application.unsigned');
      default:
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  };
};

/** A changed field's value, marked (the pre-review after a return: what the live room changed). */
const Marked = ({ children }: { children: ReactNode }) => (
  <Box component="span" data-testid="application-changed" sx={{ bgcolor: 'warning.light', borderRadius: 0.5, px: 0.5, display: 'inline-block' }}>
    {children}
  </Box>
);

type Application = (Partial<ApplicationForm> & Record<string, unknown>) | null | undefined;

/**
 * 申报表 as filed (every task of an application case carries it in `details.application`), laid out
 * label / value rather than as JSON; with the files it lists and the compliance statement the live room
 * signed. `changed`: the fields the last resubmission changed, marked.
 */
export const ApplicationDetails = ({ application, changed, files }: { application?: Application; changed?: readonly string[]; files?: EvidenceFile[] }) => {
  const translate = useTranslate();
  const value = useApplicationValue();
  if (!application) {
    return <Typography color="text.secondary">{translate('app.application.none')}</Typography>;
  }
  const a = application;
  const statement = a.statement as { signatory?: string; signedAt?: string } | undefined;
  const attachmentIds = Array.isArray(a.attachmentIds) ? (a.attachmentIds as string[]) : [];
  const shown = (key: string) => {
    const v = value(key, a[key]);
    return v != null && changed?.includes(key) ? <Marked>{v}</Marked> : v;
  };
  return (
    <Stack spacing={1}>
      <InfoTable
        testId="application-details"
        rows={[
          ...APPLICATION_KEYS.map((key): [string, ReactNode] => [`app.application.${key}`, shown(key)]),
          statement?.signatory
            ? [
                'app.application.signatory',
                translate('app.application.signed_by', { name: statement.signatory, date: statement.signedAt ? shanghaiDay(statement.signedAt) : '' }),
              ]
            : null,
        ]}
      />
      {attachmentIds.length > 0 && (
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            {translate('app.application.attachments')}
          </Typography>
          <EvidenceList ids={attachmentIds} files={files} testId="application-attachments" />
        </Box>
      )}
    </Stack>
  );
};
