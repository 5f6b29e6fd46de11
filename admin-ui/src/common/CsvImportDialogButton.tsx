import { useState, type ReactNode } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { Button, downloadCSV, useTranslate } from 'react-admin';
import { CsvImportPanel, CsvUploadButton, useCsvImport } from './CsvImport';
import { toCsv, type ImportFile } from './csv';
import { DownloadButton } from './DownloadButton';

/** Translation keys of one import's texts. */
export interface CsvImportMessages {
  /** The button that opens the dialog. */
  label: string;
  title: string;
  /** The text on the expected columns. */
  helper: string;
  /** The heading over the bad lines. */
  failed: string;
  /** The notification and the result line, given the result's counts. */
  success: string;
}

/**
 * 批量导入 as a button and a dialog: the helper text, the file chooser, an optional blank template
 * to download, the API's problem with every bad line (all lines or none), the result, then 关闭 and
 * 导入. Closing forgets the file, the problem and the result.
 *
 * Test ids, from `testId` (e.g. `users`): `users-import` (the button), `users-import-close`,
 * `users-csv-template`, `users-csv-template-xlsx`, and CsvImportPanel's `users-csv-import`, `-file`, `-problem`, `-result`,
 * `-upload`.
 */
export const CsvImportDialogButton = <Result extends object>({
  send,
  messages,
  testId,
  template,
  renderResult,
  keepOpenOnResult = false,
}: {
  send: (file: ImportFile) => Promise<Result>;
  messages: CsvImportMessages;
  testId: string;
  /**
   * The blank template: its header line and the translation key of its file name for the CSV, and the
   * name of the API's Excel template (GET /import-templates/{xlsx}/xlsx).
   */
  template?: { header: string[]; filename: string; xlsx: string };
  /** More to show below the result, e.g. what was created. */
  renderResult?: (result: Result) => ReactNode;
  /** Only 关闭 closes the dialog once there is a result (not a click beside it or Escape). */
  keepOpenOnResult?: boolean;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const csv = useCsvImport<Result>(send, messages.success);
  const close = () => {
    setOpen(false);
    csv.reset();
  };
  const prefix = `${testId}-csv`;
  return (
    <>
      <Button label={messages.label} data-testid={`${testId}-import`} onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={keepOpenOnResult && csv.result ? undefined : close} fullWidth maxWidth="md">
        <DialogTitle>{translate(messages.title)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <CsvImportPanel csv={csv} testIdPrefix={prefix} helper={messages.helper} failedTitle={messages.failed} spacing={2}>
              {template && (
                <Button
                  label="app.common.template"
                  data-testid={`${prefix}-template`}
                  onClick={() => downloadCSV(toCsv([template.header]), translate(template.filename))}
                >
                  <DownloadIcon />
                </Button>
              )}
              {template && (
                <DownloadButton
                  path={`/import-templates/${template.xlsx}/xlsx`}
                  filename={`${translate(template.filename)}.xlsx`}
                  label="app.common.template_xlsx"
                  testId={`${prefix}-template-xlsx`}
                />
              )}
            </CsvImportPanel>
            {csv.result && renderResult?.(csv.result)}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={close} data-testid={`${testId}-import-close`} />
          <CsvUploadButton csv={csv} testIdPrefix={prefix} />
        </DialogActions>
      </Dialog>
    </>
  );
};
