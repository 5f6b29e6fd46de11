import {
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { JsonBlock } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import type { SelfCheckAreaResult, Task } from '../types';

const SelfCheckResult = ({ task, areas }: { task: Task; areas: SelfCheckAreaResult[] }) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const areaName = (key: string) => localized(task.details?.areas?.find(a => a.key === key)) || key;
    return (
        <Table size="small" data-testid="self-check-result">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('app.self_check.area')}</TableCell>
                    <TableCell>{translate('app.self_check.conclusion')}</TableCell>
                    <TableCell>{translate('app.self_check.description')}</TableCell>
                    <TableCell>{translate('app.self_check.fixed')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {areas.map(area => (
                    <TableRow key={area.key}>
                        <TableCell>{areaName(area.key)}</TableCell>
                        <TableCell sx={area.finding === 'issue' ? { color: 'error.main' } : undefined}>
                            {translate(`app.self_check.finding.${area.finding}`, { _: area.finding })}
                        </TableCell>
                        <TableCell>{area.description ?? ''}</TableCell>
                        <TableCell>
                            {area.finding === 'issue'
                                ? translate(area.fixed ? 'app.common.yes' : 'app.common.no')
                                : ''}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** What was submitted when the task was completed. */
export const TaskResult = ({ task }: { task: Task }) => {
    const result = task.result;
    if (!result) return null;
    if (Array.isArray(result.areas)) {
        return <SelfCheckResult task={task} areas={result.areas as SelfCheckAreaResult[]} />;
    }
    if (typeof result.note === 'string') {
        return <Typography sx={{ whiteSpace: 'pre-wrap' }}>{result.note}</Typography>;
    }
    return <JsonBlock value={result} />;
};
