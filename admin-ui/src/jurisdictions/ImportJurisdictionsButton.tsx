import { CsvImportDialogButton } from '../common/CsvImportDialogButton';
import { importJurisdictions, JURISDICTION_CSV_HEADER } from './api';

/**
 * 批量导入机构 (admin): a tree as CSV, 代码,名称,上级代码,级别, parents either already in the
 * organisation (under the admin's own) or earlier or later lines of the file. All lines or none:
 * every bad line (unknown parent, a cycle, a code that does not fit its level…) is listed.
 */
export const ImportJurisdictionsButton = () => (
  <CsvImportDialogButton
    send={importJurisdictions}
    testId="jurisdictions"
    messages={{
      label: 'app.jurisdiction.import',
      title: 'app.jurisdiction.import_title',
      helper: 'app.jurisdiction.import_helper',
      failed: 'app.jurisdiction.import_failed',
      success: 'app.jurisdiction.imported',
    }}
    template={{ header: JURISDICTION_CSV_HEADER, filename: 'app.jurisdiction.import_template_filename', xlsx: 'jurisdictions' }}
  />
);
