import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, ShowBase, Title, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { PrintStyles } from '../common/PrintStyles';
import { PrintToolbar } from '../common/PrintToolbar';
import { formatScore } from '../common/scores';
import { CardMeta } from '../cases/CaseCards';
import { useFormatDay } from '../cases/CaseFields';
import { useNarrow } from '../layout/responsive';
import type { Campaign, Roster, RosterEntry } from '../types';

/** The rosters of the same campaign and kind, newest first. */
const listPath = (roster: Roster) =>
  `/rosters?${new URLSearchParams({
    filter: JSON.stringify({ campaignId: roster.campaignId, kind: roster.kind }),
  })}`;

/** The campaign tab a roster is published from (campaigns/CampaignShow.tsx: each kind has its own). */
const CAMPAIGN_TAB: Record<Roster['kind'], string> = {
  publicity: 'award',
  award: 'award',
  red: 'rosters',
  black: 'rosters',
  cultivation: 'cultivation',
  list: 'roster',
};

const RosterActions = () => {
  const roster = useRecordContext<Roster>();
  if (!roster) return null;
  return (
    <PrintToolbar
      back={{
        label: 'app.common.back_to_campaign',
        to: `/campaigns/${encodeURIComponent(roster.campaignId)}/show/${CAMPAIGN_TAB[roster.kind]}`,
        // On a phone react-admin shows a toolbar button's icon only.
        icon: <ArrowBackIcon />,
      }}
      download={{
        path: `/rosters/${encodeURIComponent(roster.id)}`,
        filename: roster.id,
        testId: 'roster',
      }}
    />
  );
};

/**
 * The entries on a phone: each one as a few lines (number and name, code and jurisdiction, score, ground),
 * where the document's eight columns would run off the screen.
 */
const EntryLines = ({ entries, ranked }: { entries: RosterEntry[]; ranked: boolean }) => {
  const translate = useTranslate();
  const formatDay = useFormatDay();
  return (
    <Box component="ol" data-testid="roster-entry-lines" sx={{ listStyle: 'none', m: 0, p: 0, overflowWrap: 'anywhere' }}>
      {entries.map((entry, i) => (
        <Box component="li" key={entry.caseId} data-testid="roster-entry-line" sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {ranked ? entry.rank : i + 1}. {entry.operatorName}
          </Typography>
          <CardMeta>
            <span>{entry.uscc}</span>
            <span>{entry.jurisdictionName}</span>
            {entry.track && <span>{translate(`app.operator.track.${entry.track}`, { _: entry.track })}</span>}
          </CardMeta>
          <Typography variant="body2">
            {translate('app.roster.total')} {formatScore(entry.totalScore)}
          </Typography>
          {(entry.groundName || entry.since) && (
            <Typography variant="body2" color="text.secondary">
              {[entry.groundName, formatDay(entry.since)].filter(Boolean).join(' · ')}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

/** The roster as a document: title, publication date (and window), entries; printable on A4. */
const RosterDocument = () => {
  const roster = useRecordContext<Roster>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const formatDay = useFormatDay();
  const narrow = useNarrow();
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: roster?.campaignId ?? '' }, { enabled: !!roster });
  if (!roster) return null;
  const kind = translate(`app.roster.kind.${roster.kind}`);
  const heading = translate('app.roster.heading', {
    campaign: campaign?.name ?? roster.campaignId,
    kind,
    seq: roster.seq,
  });
  const entries = roster.entries ?? [];
  const withGround = entries.some((e) => e.groundName || e.since);
  // A cultivation list ranks its entries (1, 2, 2, 4: ties share a rank) and has no tracks.
  const ranked = entries.some((e) => e.rank != null);
  const withTrack = entries.some((e) => e.track);
  return (
    <Card className="print-document" data-testid="roster-document">
      <Title title={heading} />
      <CardContent>
        <Typography variant="h5" align="center" data-testid="roster-title">
          {heading}
        </Typography>
        <Typography variant="body2" align="center" sx={{ mb: 2 }} data-testid="roster-published">
          {translate('app.roster.published_at', { date: formatDate(roster.publishedAt) })}
          {roster.windowEndsAt && `　${translate('app.roster.window_ends', { date: formatDate(roster.windowEndsAt) })}`}
        </Typography>
        {roster.superseded && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.roster.superseded_notice')}{' '}
            <Link className="no-print" to={listPath(roster)}>
              {translate('app.roster.see_current')}
            </Link>
          </Alert>
        )}
        {entries.length === 0 ? (
          <Typography color="text.secondary">{translate('app.roster.empty')}</Typography>
        ) : narrow ? (
          <EntryLines entries={entries} ranked={ranked} />
        ) : (
          <Table size="small" data-testid="roster-entries">
            <TableHead>
              <TableRow>
                <TableCell>{translate(ranked ? 'app.cultivation.rank' : 'app.roster.no')}</TableCell>
                <TableCell>{translate('app.roster.operator')}</TableCell>
                <TableCell>{translate('app.roster.uscc')}</TableCell>
                <TableCell>{translate('app.roster.jurisdiction')}</TableCell>
                {withTrack && <TableCell>{translate('app.roster.track')}</TableCell>}
                <TableCell align="right">{translate('app.roster.total')}</TableCell>
                {withGround && <TableCell>{translate('app.roster.ground')}</TableCell>}
                {withGround && <TableCell>{translate('app.roster.since')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry, i) => (
                <TableRow key={entry.caseId}>
                  <TableCell>{ranked ? entry.rank : i + 1}</TableCell>
                  <TableCell>{entry.operatorName}</TableCell>
                  <TableCell>{entry.uscc}</TableCell>
                  <TableCell>{entry.jurisdictionName}</TableCell>
                  {withTrack && <TableCell>{translate(`app.operator.track.${entry.track}`, { _: entry.track ?? '' })}</TableCell>}
                  <TableCell align="right">{formatScore(entry.totalScore)}</TableCell>
                  {withGround && <TableCell>{entry.groundName ?? ''}</TableCell>}
                  {withGround && <TableCell>{formatDay(entry.since)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography variant="body2" sx={{ mt: 2 }} color="text.secondary">
          {translate('app.roster.count', { smart_count: entries.length })}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** A roster publication as a printable page (A4), with its CSV. */
export const RosterShow = () => (
  <ShowBase>
    <PrintStyles />
    {/* In a block: below md react-admin's toolbar takes flex-basis 100%, the whole height of the page's column. */}
    <Box>
      <RosterActions />
    </Box>
    <RosterDocument />
  </ShowBase>
);
