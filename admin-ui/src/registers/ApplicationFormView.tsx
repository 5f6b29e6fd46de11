import { Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { InfoTable } from '../common/InfoTable';
import type { InfluencerAccount, RegisterEntry } from '../types';

type Form = RegisterEntry['form'];

const yesNo = (translate: (k: string) => string, value: unknown) => (value == null ? '' : translate(value ? 'app.common.yes' : 'app.common.no'));

/** The influencer's accounts: platform, handle, followers, real name, live selling. */
const AccountsTable = ({ accounts }: { accounts: InfluencerAccount[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ width: 'auto' }} data-testid="form-accounts">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.register.field.platform')}</TableCell>
          <TableCell>{translate('app.register.field.handle')}</TableCell>
          <TableCell align="right">{translate('app.register.field.followers')}</TableCell>
          <TableCell>{translate('app.register.field.realNameVerified')}</TableCell>
          <TableCell>{translate('app.register.field.liveSellingEnabled')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {accounts.map((a, i) => (
          <TableRow key={`${a.platform}-${a.handle}-${i}`}>
            <TableCell>{translate(`app.register.platform.${a.platform}`, { _: a.platform })}</TableCell>
            <TableCell>{a.handle}</TableCell>
            <TableCell align="right">{a.followers?.toLocaleString()}</TableCell>
            <TableCell>{yesNo(translate, a.realNameVerified)}</TableCell>
            <TableCell>{yesNo(translate, a.liveSellingEnabled)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The application as filed, field by field with its label (附件1 for products, 附件2 for
 * influencers); attachments are listed separately with their checksums.
 */
export const ApplicationFormView = ({ form }: { form?: Form | null }) => {
  const translate = useTranslate();
  if (!form) return <Typography color="text.secondary">{translate('app.application.none')}</Typography>;
  const attachmentCount = (ids: unknown) => (Array.isArray(ids) && ids.length ? translate('app.register.attached', { smart_count: ids.length }) : '');
  if (form.register === 'influencer') {
    return (
      <Stack spacing={1} data-testid="application-form-view">
        <InfoTable
          rows={[
            ['app.register.field.displayName', form.displayName],
            ['app.register.field.notUnderPenalty', yesNo(translate, form.notUnderPenalty)],
            ['app.register.field.promotesLijiang', yesNo(translate, form.promotesLijiang)],
            [
              'app.register.field.encouragedCategories',
              (form.encouragedCategories ?? []).map((c) => translate(`app.register.encouraged.${c}`, { _: c })).join('、'),
            ],
            ['app.register.field.materials', attachmentCount(form.materials)],
          ]}
        />
        {form.accounts?.length ? (
          <Box>
            <Typography variant="subtitle2">{translate('app.register.field.accounts')}</Typography>
            <AccountsTable accounts={form.accounts} />
          </Box>
        ) : null}
      </Stack>
    );
  }
  const hours = form.serviceHours;
  return (
    <Box data-testid="application-form-view">
      <InfoTable
        rows={[
          ['app.register.field.productName', form.productName],
          ['app.register.field.category', form.category ? translate(`app.register.category.${form.category}`, { _: form.category }) : ''],
          ['app.register.field.grade', form.grade],
          ['app.register.field.specifications', form.specifications],
          ['app.register.field.executionStandard', form.executionStandard],
          ['app.register.field.licences', attachmentCount(form.licences)],
          ['app.register.field.testReports', attachmentCount(form.testReports)],
          ['app.register.field.dropshipping', yesNo(translate, form.dropshipping)],
          [
            'app.register.field.liveLinks',
            form.liveLinks?.length ? (
              <Stack spacing={0.5}>
                {form.liveLinks.map((l, i) => (
                  <span key={`${l.url}-${i}`}>
                    {translate(`app.register.platform.${l.platform}`, { _: l.platform })}：
                    <Link href={l.url} target="_blank" rel="noopener noreferrer">
                      {l.url}
                    </Link>
                  </span>
                ))}
              </Stack>
            ) : (
              ''
            ),
          ],
          ['app.register.field.shipping', form.shipping],
          ['app.register.field.dailyVolume', form.dailyVolume != null ? String(form.dailyVolume) : ''],
          ['app.register.field.serviceHours', hours ? translate('app.register.hours', { days: hours.daysPerWeek, hours: hours.hoursPerDay }) : ''],
          ['app.register.field.materials', attachmentCount(form.materials)],
        ]}
      />
    </Box>
  );
};
