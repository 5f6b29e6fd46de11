import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalizedName } from '../common/useLocalizedName';
import type { SelfCheckArea, SelfCheckAreaResult } from '../types';

/** A submitted self-check: one row per area with its conclusion, description and whether it was fixed. */
export const SelfCheckTable = ({
  areas,
  results,
  testId,
}: {
  /** The checklist (details.areas), for the area names. */
  areas?: SelfCheckArea[];
  results: SelfCheckAreaResult[];
  testId?: string;
}) => {
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
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
