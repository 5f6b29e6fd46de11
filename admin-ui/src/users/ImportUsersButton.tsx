import { downloadXlsx } from '../common/xlsx';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Button, downloadCSV, useGetMany, useTranslate } from 'react-admin';
import { CsvImportDialogButton } from '../common/CsvImportDialogButton';
import { toCsv } from '../common/csv';
import type { Jurisdiction } from '../types';
import { importUsers, type ImportedUser, type UserImportResult } from './api';

/** The header api/resources/users.ts reads (Chinese names; English ones work too). */
export const USER_CSV_HEADER = ['用户名', '姓名', '角色', '辖区代码', '手机', '邮箱'];

/** The imported accounts with their temporary passwords, shown once, and as a CSV to hand them over. */
const CreatedAccounts = ({ users }: { users: ImportedUser[] }) => {
  const translate = useTranslate();
  const { data: places = [] } = useGetMany<Jurisdiction>('jurisdictions', { ids: [...new Set(users.map((u) => u.jurisdictionId))] });
  const placeName = (id: string) => places.find((j) => j.id === id)?.name ?? id;
  const rows = users.map((u) => [u.username, u.displayName, translate(`app.role.${u.role}`, { _: u.role }), placeName(u.jurisdictionId), u.temporaryPassword]);
  const header = ['username', 'displayName', 'role', 'jurisdictionId'].map((f) => translate(`resources.users.fields.${f}`));
  header.push(translate('app.user.temporary_password'));
  return (
    <Stack spacing={1} data-testid="users-import-created">
      <Alert severity="warning">{translate('app.user.import_passwords_once')}</Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            {header.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row[0]} data-testid="users-import-row">
              {row.map((value, i) => (
                <TableCell key={i} sx={i === 4 ? { fontFamily: 'monospace' } : undefined}>
                  {value}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button
          label="app.user.import_passwords_csv"
          variant="outlined"
          data-testid="users-import-passwords-csv"
          onClick={() => downloadCSV(toCsv([header, ...rows]), translate('app.user.import_passwords_filename'))}
        >
          <DownloadIcon />
        </Button>
        <Button
          label="app.user.import_passwords_xlsx"
          variant="outlined"
          data-testid="users-import-passwords-xlsx"
          sx={{ ml: 1 }}
          onClick={() =>
            void downloadXlsx(header, rows, translate('app.user.import_passwords_filename'), `${translate('app.user.import_passwords_filename')}.xlsx`)
          }
        >
          <DownloadIcon />
        </Button>
      </div>
    </Stack>
  );
};

/**
 * 批量导入用户 (admin): a CSV of 用户名,姓名,角色,辖区代码,手机,邮箱 (a template to download). All lines
 * or none: every bad line the API reports is listed. The created accounts' temporary passwords are
 * shown once, and can be saved as a CSV to hand over; closing the dialog forgets them, so only 关闭
 * closes it once they are shown.
 */
export const ImportUsersButton = () => (
  <CsvImportDialogButton<UserImportResult>
    send={importUsers}
    testId="users"
    messages={{
      label: 'app.user.import',
      title: 'app.user.import_title',
      helper: 'app.user.import_helper',
      failed: 'app.user.import_failed',
      success: 'app.user.imported',
    }}
    template={{ header: USER_CSV_HEADER, filename: 'app.user.import_template_filename', xlsx: 'users' }}
    renderResult={(result) => <CreatedAccounts users={result.users} />}
    keepOpenOnResult
  />
);
