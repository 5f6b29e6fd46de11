import { useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { CsvImportPanel, CsvUploadButton, useCsvImport } from '../common/CsvImport';
import type { AppDataProvider } from '../dataProvider';

/**
 * 批量导入 the operator register: a CSV (UTF-8, or GB18030 as Excel saves it) with the header
 * 名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信. All lines or none:
 * every bad line the API reports is listed.
 */
export const ImportOperatorsButton = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<AppDataProvider>();
    const [open, setOpen] = useState(false);
    const csv = useCsvImport(csvText => dataProvider.importOperators(csvText), 'app.operator.imported');
    const close = () => {
        setOpen(false);
        csv.reset();
    };
    return (
        <>
            <Button label="app.operator.import" data-testid="operators-import" onClick={() => setOpen(true)}>
                <UploadFileIcon />
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="md">
                <DialogTitle>{translate('app.operator.import_title')}</DialogTitle>
                <DialogContent>
                    <CsvImportPanel
                        csv={csv}
                        testIdPrefix="operators-csv"
                        helper="app.operator.import_helper"
                        failedTitle="app.operator.import_failed"
                        spacing={2}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.close" onClick={close} />
                    <CsvUploadButton csv={csv} testIdPrefix="operators-csv" />
                </DialogActions>
            </Dialog>
        </>
    );
};
