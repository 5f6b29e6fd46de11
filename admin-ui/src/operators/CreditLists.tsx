import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { CsvImportDialogButton } from '../common/CsvImportDialogButton';
import type { AppDataProvider } from '../dataProvider';
import type { CreditImportResult, Operator } from '../types';

// The two credit lists (经营异常名录, 严重违法失信名单; README "Credit lists"): their exports from the national
// credit publicity system imported into the register, and each operator's history on them.

export const CREDIT_CSV_HEADER = ['统一社会信用代码', '企业名称', '列入日期', '列入原因', '作出决定机关', '移出日期', '移出原因'];

/** 导入经营异常名录 / 导入严重违法失信名单: one file of one list, all lines or none. */
export const ImportCreditListButton = ({ list }: { list: 'abnormal' | 'dishonest' }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <CsvImportDialogButton<CreditImportResult>
      send={(file) => dataProvider.importCreditList(list, file)}
      testId={`credit-${list}`}
      template={{ header: CREDIT_CSV_HEADER, filename: 'app.credit.template_filename', xlsx: 'credit-list' }}
      messages={{
        label: `app.credit.import_${list}`,
        title: `app.credit.import_${list}`,
        helper: 'app.credit.import_helper',
        failed: 'app.credit.import_failed',
        success: 'app.credit.imported',
      }}
    />
  );
};

/** 信用记录: the operator's periods on either list, newest first. */
export const CreditHistory = () => {
  const operator = useRecordContext<Operator>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data = [] } = useQuery({
    queryKey: ['operators', 'credit-listings', operator?.id],
    queryFn: () => dataProvider.creditListings(operator!.id),
    enabled: !!operator,
  });
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="credit-history">
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.credit.history')}
      </Typography>
      {data.length === 0 ? (
        <Typography color="text.secondary">{translate('app.credit.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {['list', 'listedOn', 'reason', 'authority', 'removedOn', 'by'].map((k) => (
                <TableCell key={k}>{translate(`app.credit.col.${k}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((x) => (
              <TableRow key={x.id}>
                <TableCell>{translate(`app.credit.list.${x.list}`)}</TableCell>
                <TableCell>{x.listedOn}</TableCell>
                <TableCell>{x.reason ?? ''}</TableCell>
                <TableCell>{x.authority ?? ''}</TableCell>
                <TableCell>{x.removedOn ? `${x.removedOn}${x.removalReason ? `（${x.removalReason}）` : ''}` : translate('app.credit.still_listed')}</TableCell>
                <TableCell>{x.importedByName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
