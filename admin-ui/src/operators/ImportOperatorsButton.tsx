import { useState, type ChangeEvent } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Button as MuiButton,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    Typography,
} from '@mui/material';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { readCsv } from '../common/csv';
import { ProblemAlert } from '../common/ProblemAlert';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import type { OperatorImportResult } from '../types';

/**
 * 批量导入 the operator register: a CSV (UTF-8, or GB18030 as Excel saves it) with the header
 * 名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信. All lines or none:
 * every bad line the API reports is listed.
 */
export const ImportOperatorsButton = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [file, setFile] = useState<File | null>(null);
    const [pending, setPending] = useState(false);
    const [problem, setProblem] = useState<Problem | null>(null);
    const [result, setResult] = useState<OperatorImportResult | null>(null);
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
            const imported = await dataProvider.importOperators(await readCsv(file));
            setResult(imported);
            setFile(null);
            notify('app.operator.imported', { type: 'success', messageArgs: { ...imported } });
            refresh();
        } catch (error) {
            setProblem(problemOf(error));
        } finally {
            setPending(false);
        }
    };
    const close = () => {
        setOpen(false);
        setFile(null);
        setProblem(null);
        setResult(null);
    };
    return (
        <>
            <Button label="app.operator.import" data-testid="operators-import" onClick={() => setOpen(true)}>
                <UploadFileIcon />
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="md">
                <DialogTitle>{translate('app.operator.import_title')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} data-testid="operators-csv-import">
                        <Typography variant="body2" color="text.secondary">
                            {translate('app.operator.import_helper')}
                        </Typography>
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                            <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                                {translate('app.enrolment.choose_csv')}
                                <input
                                    hidden
                                    type="file"
                                    accept=".csv,text/csv,text/plain"
                                    data-testid="operators-csv-file"
                                    onChange={choose}
                                />
                            </MuiButton>
                            <Typography variant="body2">{file?.name ?? translate('app.enrolment.no_file')}</Typography>
                        </Stack>
                        <ProblemAlert
                            problem={problem}
                            title="app.operator.import_failed"
                            testId="operators-csv-problem"
                        />
                        {result && (
                            <Alert severity="success" data-testid="operators-csv-result">
                                {translate('app.operator.imported', { ...result })}
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.close" onClick={close} />
                    <Button
                        label="app.enrolment.import"
                        variant="contained"
                        data-testid="operators-csv-upload"
                        disabled={pending || !file}
                        onClick={upload}
                    />
                </DialogActions>
            </Dialog>
        </>
    );
};
