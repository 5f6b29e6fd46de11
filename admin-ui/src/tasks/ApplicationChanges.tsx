// What the live room changed in its application after a return (舟山方案 六、（二）: the county pre-reviews
// what was supplied): every version of the application is kept (GET /api/cases/:id/application-versions,
// the server computes the change field by field), and the pre-review of version n shows the change from
// version n-1, marked: the old value struck through, the new one highlighted, files added and removed.
import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { API_URL, httpClient } from '../httpClient';
import { useApplicationValue } from './ApplicationDetails';
import { EvidenceList, type EvidenceFile } from './EvidenceFiles';

export interface FieldChange {
  key: string;
  labelZh: string;
  labelEn: string;
  before?: unknown;
  after?: unknown;
}

export interface ApplicationVersion {
  version: number;
  submittedAt: string;
  submittedBy: { id: string; displayName: string; role: string | null };
  /** The operator, when staff submitted it for the operator. */
  onBehalfOf: string | null;
  form: Record<string, unknown>;
  attachments: EvidenceFile[];
  statement: { signatory?: string; signedAt?: string } | null;
  changes: { fields: FieldChange[]; attachmentsAdded: EvidenceFile[]; attachmentsRemoved: EvidenceFile[]; unchanged: boolean } | null;
}

export const useApplicationVersions = (caseId?: string | null) =>
  useQuery({
    queryKey: ['cases', caseId, 'application-versions'],
    queryFn: async () => (await httpClient(`${API_URL}/cases/${encodeURIComponent(caseId!)}/application-versions`)).json as ApplicationVersion[],
    enabled: !!caseId,
  });

const Before = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ textDecoration: 'line-through', color: 'error.main', overflowWrap: 'anywhere' }}>
    {children}
  </Box>
);
const After = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ bgcolor: 'warning.light', borderRadius: 0.5, px: 0.5, overflowWrap: 'anywhere' }}>
    {children}
  </Box>
);

/** The change a version made to the one before it: field, before, after; files added and removed. */
export const ApplicationChanges = ({ version }: { version: ApplicationVersion }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = useApplicationValue();
  const c = version.changes;
  if (!c) return null;
  const empty = (
    <Typography component="span" color="text.secondary">
      {translate('app.application.empty')}
    </Typography>
  );
  const by = version.onBehalfOf ? translate('app.application.by_staff', { name: version.submittedBy.displayName }) : translate('app.application.by_operator');
  return (
    <Alert severity={c.unchanged ? 'info' : 'warning'} icon={false} data-testid="application-changes" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{translate('app.application.changes_title', { version: version.version, previous: version.version - 1 })}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.application.submitted', { date: shanghaiDay(version.submittedAt), by })}
      </Typography>
      {c.unchanged ? (
        <Typography variant="body2">{translate('app.application.unchanged')}</Typography>
      ) : (
        <Stack spacing={1}>
          {c.fields.length > 0 && (
            // Three narrow columns: readable at 390 px without scrolling sideways.
            <Table size="small" sx={{ tableLayout: 'fixed', width: '100%' }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: '28%', px: 0.5 }}>{translate('app.application.field')}</TableCell>
                  <TableCell sx={{ px: 0.5 }}>{translate('app.application.before')}</TableCell>
                  <TableCell sx={{ px: 0.5 }}>{translate('app.application.after')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.fields.map((f) => (
                  <TableRow key={f.key} data-testid="application-change" data-field={f.key}>
                    <TableCell component="th" sx={{ px: 0.5, verticalAlign: 'top' }}>
                      {translate(`app.application.${f.key}`, { _: locale === 'en' ? f.labelEn : f.labelZh })}
                    </TableCell>
                    <TableCell sx={{ px: 0.5, verticalAlign: 'top' }}>{f.before === undefined ? empty : <Before>{value(f.key, f.before)}</Before>}</TableCell>
                    <TableCell sx={{ px: 0.5, verticalAlign: 'top' }}>{f.after === undefined ? empty : <After>{value(f.key, f.after)}</After>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {c.attachmentsAdded.length > 0 && (
            <Box data-testid="application-files-added">
              <Typography variant="body2">{translate('app.application.files_added')}</Typography>
              <EvidenceList ids={c.attachmentsAdded.map((f) => f.id)} files={c.attachmentsAdded} testId="application-added-files" />
            </Box>
          )}
          {c.attachmentsRemoved.length > 0 && (
            <Box data-testid="application-files-removed">
              <Typography variant="body2">{translate('app.application.files_removed')}</Typography>
              <Typography variant="body2" component="div">
                {c.attachmentsRemoved.map((f) => (
                  <Before key={f.id}>{f.filename} </Before>
                ))}
              </Typography>
            </Box>
          )}
        </Stack>
      )}
    </Alert>
  );
};

/** The version a task of round `round` reviews (pre-review n reviews version n), with the change it made. */
export const useReviewedVersion = (caseId: string | null | undefined, round: number | undefined) => {
  const versions = useApplicationVersions(caseId);
  const list = versions.data ?? [];
  return list.find((v) => v.version === round) ?? list[list.length - 1];
};
