import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Link, useTranslate } from 'react-admin';
import { taskListPath } from './links';
import type { DashboardOverdueRow } from './types';

/** Overdue open tasks per jurisdiction: a table linking to the tasks, and the same as a bar chart. */
export const OverdueByJurisdiction = ({ campaignId, rows: all }: { campaignId: string; rows: DashboardOverdueRow[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const rows = all.filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  return (
    <Box>
      <Table size="small" data-testid="dashboard-overdue-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.jurisdictions.name', { smart_count: 1 })}</TableCell>
            <TableCell align="right">{translate('app.dashboard.overdue_tasks')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length ? (
            rows.map((row) => (
              <TableRow key={row.jurisdictionId} data-jurisdiction={row.jurisdictionId}>
                <TableCell>{row.name}</TableCell>
                <TableCell align="right">
                  <Link
                    to={taskListPath({
                      campaignId,
                      jurisdictionId: row.jurisdictionId,
                      status: 'open',
                      overdue: true,
                    })}
                  >
                    {row.overdue}
                  </Link>
                </TableCell>
              </TableRow>
            ))
          ) : (
            <TableRow>
              <TableCell colSpan={2}>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.dashboard.no_overdue')}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Box data-testid="dashboard-overdue-chart" sx={{ mt: 1 }}>
        {rows.length > 0 && (
          <BarChart
            layout="horizontal"
            height={Math.max(rows.length * 32 + 60, 120)}
            hideLegend
            yAxis={[{ scaleType: 'band', data: rows.map((r) => r.name), width: 140 }]}
            xAxis={[
              {
                tickNumber: Math.min(Math.max(...rows.map((r) => r.overdue)), 5),
                // Task counts: whole numbers only on the axis.
                valueFormatter: (v: number) => (Number.isInteger(v) ? String(v) : ''),
              },
            ]}
            series={[
              {
                id: 'overdue',
                label: translate('app.dashboard.overdue_tasks'),
                data: rows.map((r) => r.overdue),
                color: theme.palette.error.main,
                barLabel: 'value',
              },
            ]}
          />
        )}
      </Box>
    </Box>
  );
};
