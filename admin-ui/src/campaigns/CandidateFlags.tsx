import { Chip, Stack, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import { useFormatDate } from '../common/fields';
import { useNamedLookup } from '../common/useLocalizedName';
import type { Candidate, CandidateFlag, Named } from '../types';

const flagColor = (kind: CandidateFlag['kind']) => (kind === 'title_holder' ? 'success' : kind === 'title_expired' ? 'default' : 'error');

/**
 * What earlier years left on an operator, as chips: a title (with its expiry), an expired title,
 * a revoked title (with the ground), a filed case (with the reason).
 */
export const CandidateFlags = ({ grounds }: CustomFieldProps & { grounds: Named[] }) => {
  const candidate = useRecordContext<Candidate>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const lookup = useNamedLookup();
  if (!candidate?.flags?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {candidate.flags.map((flag, i) => {
        const label = translate(`app.enrolment.flag.${flag.kind}`, {
          year: flag.year ?? '',
          date: formatDate(flag.expiresAt, false),
        });
        const detail = flag.kind === 'revoked' ? lookup(grounds, flag.ground) : flag.kind === 'filed' ? (flag.reason ?? '') : '';
        const chip = (
          <Chip
            key={i}
            size="small"
            variant={flag.kind === 'title_expired' ? 'outlined' : 'filled'}
            color={flagColor(flag.kind)}
            label={label}
            data-testid={`flag-${flag.kind}`}
          />
        );
        return detail ? (
          <Tooltip key={i} title={detail}>
            {chip}
          </Tooltip>
        ) : (
          chip
        );
      })}
    </Stack>
  );
};
