import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

export type InfoRow = [label: string, value: ReactNode] | false | null | undefined | '' | 0;

/** Label / value rows (a task's result, a rectification order…); empty values are left out. */
export const InfoTable = ({ rows, testId }: { rows: InfoRow[]; testId?: string }) => {
  const translate = useTranslate();
  const shown = rows.filter((row): row is [string, ReactNode] => !!row && row[1] != null && row[1] !== '');
  return (
    // As wide as a phone's screen at most (a fixed minimum would push the page sideways there).
    <Table size="small" data-testid={testId} sx={{ width: { xs: '100%', sm: 'auto' }, minWidth: { sm: '24rem' } }}>
      <TableBody>
        {shown.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" sx={{ color: 'text.secondary', width: { xs: '6rem', sm: '10rem' }, verticalAlign: 'top' }}>
              {translate(label)}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
