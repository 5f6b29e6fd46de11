import { useDataProvider } from 'react-admin';
import { CsvImportDialogButton } from '../common/CsvImportDialogButton';
import type { AppDataProvider } from '../dataProvider';

/**
 * 批量导入 the operator register: a CSV (UTF-8, or GB18030 as Excel saves it) or an Excel workbook with the header
 * 名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信(,赛道). All lines or none:
 * every bad line the API reports is listed.
 */
export const OPERATOR_CSV_HEADER = ['名称', '统一社会信用代码', '主体类型', '辖区代码', '注册日期', '平台账号', '经营异常', '严重违法失信', '赛道'];

export const ImportOperatorsButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <CsvImportDialogButton
      send={(file) => dataProvider.importOperators(file)}
      testId="operators"
      template={{ header: OPERATOR_CSV_HEADER, filename: 'app.operator.import_template_filename', xlsx: 'operators' }}
      messages={{
        label: 'app.operator.import',
        title: 'app.operator.import_title',
        helper: 'app.operator.import_helper',
        failed: 'app.operator.import_failed',
        success: 'app.operator.imported',
      }}
    />
  );
};
