import { GlobalStyles } from '@mui/material';

/**
 * Print stylesheet of the printable pages (rosters, summary report): A4 paper, and only the
 * document itself — no app bar, menu, toolbars or buttons (mark those `no-print`).
 */
export const PrintStyles = () => (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { size: 'A4', margin: '15mm' },
        'html, body, .layout, .RaLayout-appFrame, #main-content': { background: '#fff !important' },
        '.MuiAppBar-root, .MuiDrawer-root, .RaSidebar-fixed, .no-print, .RaTopToolbar-root, .MuiSnackbar-root': { display: 'none !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-content, #main-content': { padding: '0 !important', margin: '0 !important' },
        '.MuiPaper-root': { boxShadow: 'none !important', border: 'none !important' },
        '.print-document': { width: '100%', fontSize: '11pt' },
        '.print-document table': { pageBreakInside: 'auto' },
        '.print-document tr': { pageBreakInside: 'avoid' },
        '.print-document th, .print-document td': {
          padding: '4px 6px !important',
          borderBottom: '1px solid #999 !important',
        },
      },
    }}
  />
);
