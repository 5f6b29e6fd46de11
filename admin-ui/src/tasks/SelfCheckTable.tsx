import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalizedName } from '../common/useLocalizedName';
import type { SelfCheckArea, SelfCheckAreaResult } from '../types';
import { EvidenceList, type EvidenceFile } from './EvidenceFiles';

/**
 * A submitted self-check: one row per area with its conclusion, description, whether it was fixed, and the
 * operator's evidence (thumbnails of photos, links to PDFs; `files` says which is which).
 */
export const SelfCheckTable = ({
  areas,
  results,
  testId,
  files,
}: {
  /** The checklist (details.areas), for the area names. */
  areas?: SelfCheckArea[];
  results: SelfCheckAreaResult[];
  testId?: string;
  /** The case's evidence files (GET /api/tasks/:id evidenceFiles). */
  files?: EvidenceFile[];
}) => {
  const withEvidence = results.some((a) => a.evidence?.length);
  const translate = useTranslate();
  const localized = useLocalizedName();
  const areaName = (key: string) => localized(areas?.find((a) => a.key === key)) || key;
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.self_check.area')}</TableCell>
          <TableCell>{translate('app.self_check.conclusion')}</TableCell>
          <TableCell>{translate('app.self_check.description')}</TableCell>
          <TableCell>{translate('app.self_check.fixed')}</TableCell>
          {withEvidence && <TableCell>{translate('app.evidence.files')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((area) => (
          <TableRow key={area.key}>
            <TableCell>{areaName(area.key)}</TableCell>
            <TableCell sx={area.finding === 'issue' ? { color: 'error.main' } : undefined}>
              {translate(`app.self_check.finding.${area.finding}`, { _: area.finding })}
            </TableCell>
            <TableCell>{area.description ?? ''}</TableCell>
            <TableCell>{area.finding === 'issue' ? translate(area.fixed ? 'app.common.yes' : 'app.common.no') : ''}</TableCell>
            {withEvidence && (
              <TableCell>
                <EvidenceList ids={area.evidence} files={files} testId={`evidence-${area.key}`} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
