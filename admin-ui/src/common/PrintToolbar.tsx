import type { ComponentProps, ReactElement } from 'react';
import PrintIcon from '@mui/icons-material/Print';
import { Button, Link, TopToolbar } from 'react-admin';
import { DownloadButton } from './DownloadButton';

/**
 * The toolbar of a printable page (a roster, the summary report), left out of the print (see
 * PrintStyles): a way back, print, and the page's CSV download.
 */
export const PrintToolbar = ({
  back,
  download,
}: {
  back: { label: string; to: string; icon?: ReactElement };
  download: ComponentProps<typeof DownloadButton>;
}) => (
  <TopToolbar className="no-print">
    <Button component={Link} label={back.label} to={back.to}>
      {back.icon}
    </Button>
    <Button label="app.common.print" onClick={() => window.print()} data-testid="print">
      <PrintIcon />
    </Button>
    <DownloadButton {...download} />
  </TopToolbar>
);
