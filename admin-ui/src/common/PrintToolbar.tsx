import type { ReactElement } from 'react';
import PrintIcon from '@mui/icons-material/Print';
import { Button, Link, TopToolbar } from 'react-admin';
import { DownloadButton } from './DownloadButton';

/**
 * The toolbar of a printable page (a roster, the summary report), left out of the print (see
 * PrintStyles): a way back, print, and the page's downloads as CSV and as Excel (`<path>/csv`,
 * `<path>/xlsx`; test ids `<testId>-csv`, `<testId>-xlsx`).
 */
export const PrintToolbar = ({
  back,
  download,
}: {
  back: { label: string; to: string; icon?: ReactElement };
  download: { path: string; filename: string; testId: string };
}) => (
  <TopToolbar className="no-print">
    <Button component={Link} label={back.label} to={back.to}>
      {back.icon}
    </Button>
    <Button label="app.common.print" onClick={() => window.print()} data-testid="print">
      <PrintIcon />
    </Button>
    <DownloadButton path={`${download.path}/csv`} filename={`${download.filename}.csv`} testId={`${download.testId}-csv`} />
    <DownloadButton path={`${download.path}/xlsx`} filename={`${download.filename}.xlsx`} testId={`${download.testId}-xlsx`} label="app.common.download_xlsx" />
  </TopToolbar>
);
