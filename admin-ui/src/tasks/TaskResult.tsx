import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { inspectionFindingColors } from '../choices';
import { JsonBlock } from '../common/fields';
import { InfoTable } from '../common/InfoTable';
import { formatScore } from '../common/scores';
import { useLocalizedName, useNamedLookup } from '../common/useLocalizedName';
import type {
    InspectionBody,
    InterviewBody,
    ScoreBody,
    SelfCheckAreaResult,
    SelfCheckReviewBody,
    Task,
    VerificationBody,
} from '../types';
import { SelfCheckTable } from './SelfCheckTable';
import { useAreas } from './useAreas';

const InspectionResult = ({ task, result }: { task: Task; result: InspectionBody }) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const lookup = useNamedLookup();
    const areas = useAreas(task);
    return (
        <>
            <InfoTable
                testId="inspection-result"
                rows={[
                    [
                        'app.inspection.method_label',
                        translate(`app.inspection.method.${result.method}`, { _: result.method }),
                    ],
                    result.violation && [
                        'app.inspection.violation',
                        lookup(task.details?.seriousViolations, result.violation),
                    ],
                    result.measure && ['app.inspection.measure', translate(`app.measure.${result.measure}`)],
                    ['app.inspection.rectify_by', result.rectifyBy],
                    ['app.inspection.note', result.note],
                ]}
            />
            <Table size="small" sx={{ mt: 1 }}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.self_check.area')}</TableCell>
                        <TableCell>{translate('app.inspection.finding_label')}</TableCell>
                        <TableCell>{translate('app.inspection.description')}</TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {(result.areas ?? []).map(area => (
                        <TableRow key={area.key}>
                            <TableCell>{localized(areas.find(a => a.key === area.key)) || area.key}</TableCell>
                            <TableCell>
                                <Chip
                                    size="small"
                                    color={inspectionFindingColors[area.finding] ?? 'default'}
                                    label={translate(`app.inspection.finding.${area.finding}`, { _: area.finding })}
                                />
                            </TableCell>
                            <TableCell>{area.description ?? ''}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </>
    );
};

/** What was submitted when the task was completed, laid out by task type. */
export const TaskResult = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const result = task.result;
    if (!result) return null;
    const yesNo = (value: boolean) => translate(value ? 'app.common.yes' : 'app.common.no');
    switch (task.type) {
        case 'self_check':
            return (
                <SelfCheckTable
                    areas={task.details?.areas}
                    results={(result.areas ?? []) as SelfCheckAreaResult[]}
                    testId="self-check-result"
                />
            );
        case 'self_check_review': {
            const r = result as unknown as SelfCheckReviewBody;
            return (
                <InfoTable
                    testId="review-result"
                    rows={[
                        [
                            'app.review.decision_label',
                            translate(`app.review.decision.${r.decision}`, { _: r.decision }),
                        ],
                        ['app.review.note', r.note],
                    ]}
                />
            );
        }
        case 'inspection':
            return <InspectionResult task={task} result={result as unknown as InspectionBody} />;
        case 'verification': {
            const r = result as unknown as VerificationBody;
            return (
                <InfoTable
                    testId="verification-result"
                    rows={[
                        ['app.verification.passed', yesNo(r.passed)],
                        ['app.verification.note', r.note],
                        ['app.verification.next_rectify_by', r.rectifyBy],
                    ]}
                />
            );
        }
        case 'score': {
            const r = result as unknown as ScoreBody;
            return (
                <InfoTable
                    testId="score-result"
                    rows={[
                        ['app.score.dimension', task.details?.dimensionName ?? task.details?.dimension],
                        task.details?.weight != null && ['app.score.weight', `${task.details.weight}%`],
                        ['app.score.score', formatScore(r.score)],
                        ['app.score.comment', r.comment],
                    ]}
                />
            );
        }
        case 'interview': {
            const r = result as unknown as InterviewBody;
            return (
                <InfoTable
                    testId="interview-result"
                    rows={[
                        ['app.inspection.measure', translate(`app.measure.${r.measure}`, { _: r.measure })],
                        ['app.interview.note', r.note],
                        ['app.inspection.rectify_by', r.rectifyBy],
                    ]}
                />
            );
        }
        default:
            if (typeof result.note === 'string') {
                return <Typography sx={{ whiteSpace: 'pre-wrap' }}>{result.note}</Typography>;
            }
            return <JsonBlock value={result} />;
    }
};
