import { useState, type ChangeEvent, type ReactNode } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button as MuiButton, Stack, Typography, type SxProps } from '@mui/material';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { problemOf, type Problem } from '../httpClient';
import { readImportFile, type ImportFile } from './csv';
import { ProblemAlert } from './ProblemAlert';

/**
 * An import from CSV or Excel (all lines or none): `choose` takes the file from an <input type="file">,
 * `upload` reads it (a CSV as UTF-8 or GB18030, an .xlsx as it is) and sends it; on success it notifies `success` with the
 * result's counts and refreshes, on failure it keeps the API's problem (every bad line).
 */
export const useCsvImport = <Result extends object>(send: (file: ImportFile) => Promise<Result>, success: string) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setProblem(null);
    setResult(null);
    event.target.value = '';
  };
  const upload = async () => {
    if (!file) return;
    setPending(true);
    setProblem(null);
    setResult(null);
    try {
      const imported = await send(await readImportFile(file));
      setResult(imported);
      setFile(null);
      notify(success, { type: 'success', messageArgs: { ...imported } });
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setPending(false);
    }
  };
  const reset = () => {
    setFile(null);
    setProblem(null);
    setResult(null);
  };
  return { file, pending, problem, result, success, choose, upload, reset };
};

export type CsvImportState = ReturnType<typeof useCsvImport<object>>;

/** 导入: sends the chosen file. Test id `<testIdPrefix>-upload`. */
export const CsvUploadButton = ({ csv, testIdPrefix, disabled = false }: { csv: CsvImportState; testIdPrefix: string; disabled?: boolean }) => (
  <Button
    label="app.enrolment.import"
    variant="contained"
    data-testid={`${testIdPrefix}-upload`}
    disabled={disabled || csv.pending || !csv.file}
    onClick={csv.upload}
  />
);

/**
 * The helper text, the file chooser with the chosen file's name (then `children`, e.g. the
 * upload button), the API's problem with each bad line, and the result. Test ids
 * `<testIdPrefix>-import`, `-file`, `-problem` and `-result`.
 */
export const CsvImportPanel = ({
  csv,
  testIdPrefix,
  helper,
  failedTitle,
  disabled,
  spacing,
  sx,
  children,
}: {
  csv: CsvImportState;
  testIdPrefix: string;
  /** Translation key of the text on the expected columns. */
  helper: string;
  /** Translation key of the heading over the bad lines. */
  failedTitle: string;
  disabled?: boolean;
  spacing: number;
  sx?: SxProps;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={spacing} data-testid={`${testIdPrefix}-import`} sx={sx}>
      <Typography variant="body2" color="text.secondary">
        {translate(helper)}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={disabled}>
          {translate('app.enrolment.choose_csv')}
          <input
            hidden
            type="file"
            accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid={`${testIdPrefix}-file`}
            onChange={csv.choose}
          />
        </MuiButton>
        <Typography variant="body2">{csv.file?.name ?? translate('app.enrolment.no_file')}</Typography>
        {children}
      </Stack>
      <ProblemAlert problem={csv.problem} title={failedTitle} testId={`${testIdPrefix}-problem`} />
      {csv.result && (
        <Alert severity="success" data-testid={`${testIdPrefix}-result`}>
          {translate(csv.success, { ...csv.result })}
        </Alert>
      )}
    </Stack>
  );
};
