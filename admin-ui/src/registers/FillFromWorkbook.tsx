// 按申报表填写: the applicant's filled-in 申报表 (the .xlsx the notice publishes, 附件1 第19条 / 附件2 第10条)
// fills the form below (POST /api/intake-forms/read: nothing is filed). The officer then checks it,
// attaches the licences and files it; lines the API could not read are listed to fill in by hand.
import { useState, type ChangeEvent } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button as MuiButton, Stack } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { toBase64 } from '../common/csv';
import { DownloadButton } from '../common/DownloadButton';
import { ProblemAlert } from '../common/ProblemAlert';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage, pick, type Problem } from '../httpClient';
import type { Register } from '../types';
import type { ApplicationValues } from './ApplicationCreate';

export const FillFromWorkbook = ({ register, defaults }: { register: Register; defaults: ApplicationValues['form'] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { getValues, reset } = useFormContext<ApplicationValues>();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setPending(true);
    setProblem(null);
    try {
      const read = await dataProvider.readIntakeWorkbook(register, toBase64(new Uint8Array(await file.arrayBuffer())));
      const { register: _register, ...values } = read.form;
      // 能否一件代发 is a yes / no choice on the form.
      const dropshipping = 'dropshipping' in values && values.dropshipping !== undefined ? { dropshipping: values.dropshipping ? 'yes' : 'no' } : {};
      // What the sheet gives replaces the defaults; the campaign, the applicant and attachments stay.
      reset({ ...getValues(), form: { ...defaults, ...values, ...dropshipping } as ApplicationValues['form'] }, { keepDefaultValues: true });
      notify('app.register.workbook_read', { type: 'success', messageArgs: { name: file.name } });
      if (read.problems.length)
        setProblem({
          message: translate('app.register.workbook_unread', { smart_count: read.problems.length }),
          fields: read.problems.map((p) => ({ path: p.path, row: p.row, message: pick(p, p.path) })),
        });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="intake-workbook">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={pending}>
          {translate('app.register.workbook_fill')}
          <input hidden type="file" accept=".xlsx" data-testid="intake-workbook-file" onChange={choose} />
        </MuiButton>
        <DownloadButton
          path={`/import-templates/intake-${register}/xlsx`}
          filename={`${translate(`app.register.workbook_blank_filename.${register}`)}.xlsx`}
          label="app.register.workbook_blank"
          testId="intake-workbook-blank"
        />
      </Stack>
      <ProblemAlert problem={problem} title="app.register.workbook_unread" onClose={() => setProblem(null)} testId="intake-workbook-problem" />
    </Stack>
  );
};
