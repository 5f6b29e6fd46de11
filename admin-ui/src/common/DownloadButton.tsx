import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify } from 'react-admin';
import { downloadFile, errorMessage } from '../httpClient';

/**
 * Downloads an export of the API (CSV, Excel, a template). The API wants the bearer token, which a plain link
 * cannot send, so the file is fetched with it and saved from a blob.
 */
export const DownloadButton = ({
  path,
  filename,
  label = 'app.common.download_csv',
  testId,
}: {
  path: string;
  filename: string;
  label?: string;
  testId?: string;
}) => {
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  return (
    <Button
      label={label}
      className="no-print"
      data-testid={testId}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await downloadFile(path, filename);
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        } finally {
          setPending(false);
        }
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
