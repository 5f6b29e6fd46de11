import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { inspectionFindingColors } from '../choices';
import { JsonBlock } from '../common/fields';
import { InfoTable, type InfoRow } from '../common/InfoTable';
import { formatScore } from '../common/scores';
import { useLocalizedName, useNamedLookup } from '../common/useLocalizedName';
import type {
  CityAuditBody,
  FilingBody,
  FormFieldSpec,
  IntakeReviewBody,
  Named,
  RemovalReviewBody,
  RubricTaskBody,
  InspectionBody,
  InterviewBody,
  PreReviewBody,
  ResubmissionBody,
  ScoreBody,
  SelfCheckAreaResult,
  SelfCheckReviewBody,
  Task,
  VerificationBody,
} from '../types';
import { criterionKeys, sumPoints } from './CityAuditForm';
import { useFieldLabel } from './DefinedForms';
import { SelfCheckTable } from './SelfCheckTable';
import type { TaskEvidenceExtras } from './EvidenceFiles';
import { useAreas } from './useAreas';
import { formatDateTime } from '../common/dates';

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
          ['app.inspection.method_label', translate(`app.inspection.method.${result.method}`, { _: result.method })],
          result.violation && ['app.inspection.violation', lookup(task.details?.seriousViolations, result.violation)],
          result.measure && ['app.inspection.measure', translate(`app.measure.${result.measure}`)],
          ['app.inspection.rectify_by', formatDateTime(result.rectifyBy, false)],
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
          {(result.areas ?? []).map((area) => (
            <TableRow key={area.key}>
              <TableCell>{localized(areas.find((a) => a.key === area.key)) || area.key}</TableCell>
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

/** 市局审核 as submitted: the points per criterion by group, the total from them, any veto. */
const CityAuditResult = ({ task, result }: { task: Task; result: CityAuditBody }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const lookup = useNamedLookup();
  const rubric = task.details?.rubric ?? [];
  const maxOf = task.details?.criterionPoints ?? {};
  const total = sumPoints(result.points, criterionKeys(rubric), maxOf);
  const vetoes = result.vetoes ?? [];
  return (
    <>
      <InfoTable
        testId="city-audit-result"
        rows={[
          ['app.city_audit.total', String(total)],
          ['app.city_audit.veto_items', vetoes.length ? vetoes.map((v) => lookup(task.details?.vetoItems, v)).join('、') : translate('app.common.none')],
          vetoes.length > 0 && ['app.city_audit.outcome', translate('app.city_audit.failed_by_veto')],
          ['app.city_audit.comment', result.comment],
        ]}
      />
      <Table size="small" sx={{ mt: 1, width: 'auto' }} data-testid="city-audit-points">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.city_audit.group_label')}</TableCell>
            <TableCell>{translate('app.city_audit.criterion')}</TableCell>
            <TableCell align="right">{translate('app.city_audit.points')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rubric.flatMap((group) =>
            group.criteria.map((criterion, i) => (
              <TableRow key={criterion.key}>
                <TableCell>{i === 0 ? localized(group) : ''}</TableCell>
                <TableCell>{localized(criterion)}</TableCell>
                <TableCell align="right">
                  {result.points?.[criterion.key] ?? ''} / {maxOf[criterion.key] ?? ''}
                </TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </>
  );
};

/** The rubric task as submitted: points per item, the total from them, any veto. */
const RubricResult = ({ task, result }: { task: Task; result: RubricTaskBody }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const lookup = useNamedLookup();
  const items = (task.details?.items ?? []) as (Named & { points: number })[];
  const total = items.reduce((sum, item) => sum + (Number(result.points?.[item.key]) || 0), 0);
  const vetoes = result.vetoes ?? [];
  return (
    <>
      <InfoTable
        testId="rubric-result"
        rows={[
          ['app.city_audit.total', String(total)],
          [
            'app.city_audit.veto_items',
            vetoes.length ? vetoes.map((v) => lookup(task.details?.vetoItems as Named[] | undefined, v)).join('、') : translate('app.common.none'),
          ],
          ['app.city_audit.comment', result.comment],
        ]}
      />
      <Table size="small" sx={{ mt: 1, width: 'auto' }}>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.key}>
              <TableCell>{localized(item)}</TableCell>
              <TableCell align="right">
                {result.points?.[item.key] ?? ''} / {item.points}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/** A defined form task as submitted: each field's label and value. */
const DefinedFormResult = ({ task, result }: { task: Task; result: Record<string, unknown> }) => {
  const translate = useTranslate();
  const fieldLabel = useFieldLabel();
  const fields = (task.details?.form ?? []) as FormFieldSpec[];
  const show = (value: unknown) => (typeof value === 'boolean' ? translate(value ? 'app.common.yes' : 'app.common.no') : value == null ? '' : String(value));
  return (
    <Table size="small" data-testid="defined-form-result" sx={{ width: 'auto', minWidth: '24rem' }}>
      <TableBody>
        {fields.map((field) => (
          <TableRow key={field.key}>
            <TableCell component="th" sx={{ color: 'text.secondary', width: '12rem' }}>
              {fieldLabel(field)}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{show(result[field.key])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

type Translate = (key: string, options?: object) => string;

/** The task types whose result is a plain label / value table: its test id and rows. */
const resultTables: Record<string, (task: Task, result: never, translate: Translate) => [testId: string, rows: InfoRow[]]> = {
  self_check_review: (_task, r: SelfCheckReviewBody, translate) => [
    'review-result',
    [
      ['app.review.decision_label', translate(`app.review.decision.${r.decision}`, { _: r.decision })],
      ['app.review.note', r.note],
    ],
  ],
  verification: (_task, r: VerificationBody, translate) => [
    'verification-result',
    [
      ['app.verification.passed', translate(r.passed ? 'app.common.yes' : 'app.common.no')],
      ['app.verification.note', r.note],
      ['app.verification.next_rectify_by', formatDateTime(r.rectifyBy, false)],
    ],
  ],
  score: (task, r: ScoreBody) => [
    'score-result',
    [
      ['app.score.dimension', task.details?.dimensionName ?? task.details?.dimension],
      task.details?.weight != null && ['app.score.weight', `${task.details.weight}%`],
      ['app.score.score', formatScore(r.score)],
      ['app.score.comment', r.comment],
    ],
  ],
  pre_review: (_task, r: PreReviewBody, translate) => [
    'pre-review-result',
    [
      ['app.pre_review.decision_label', translate(`app.pre_review.decision.${r.decision}`, { _: r.decision })],
      ['app.pre_review.reason', r.reason],
      ['app.pre_review.missing', (r.missing ?? []).join('\n')],
    ],
  ],
  resubmission: (_task, r: ResubmissionBody) => ['resubmission-result', [['app.resubmission.supplied', r.supplied]]],
  intake_review: (_task, r: IntakeReviewBody, translate) => [
    'intake-review-result',
    [
      ['app.intake_review.decision_label', translate(`app.intake_review.decision.${r.decision}`, { _: r.decision })],
      ['app.intake_review.reason', r.reason],
      ['app.intake_review.note', r.note],
    ],
  ],
  filing: (_task, r: FilingBody) => [
    'filing-result',
    [
      ['app.filing.filedOn', r.filedOn],
      ['app.filing.reference', r.reference],
      ['app.filing.note', r.note],
    ],
  ],
  removal_review: (_task, r: RemovalReviewBody, translate) => [
    'removal-review-result',
    [
      ['app.removal_review.decision_label', translate(`app.removal_review.decision.${r.decision}`, { _: r.decision })],
      ['app.removal_review.reason', r.reason],
    ],
  ],
  interview: (_task, r: InterviewBody, translate) => [
    'interview-result',
    [
      ['app.inspection.measure', translate(`app.measure.${r.measure}`, { _: r.measure })],
      ['app.interview.note', r.note],
      ['app.inspection.rectify_by', formatDateTime(r.rectifyBy, false)],
    ],
  ],
};

/** What was submitted when the task was completed, laid out by task type. */
export const TaskResult = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const result = task.result;
  if (!result) return null;
  if (Object.hasOwn(resultTables, task.type)) {
    // Each table reads the result as the body its task type is completed with.
    const [testId, rows] = resultTables[task.type](task, result as never, translate);
    return <InfoTable testId={testId} rows={rows} />;
  }
  switch (task.type) {
    case 'self_check':
      return (
        <SelfCheckTable
          areas={task.details?.areas}
          results={(result.areas ?? []) as SelfCheckAreaResult[]}
          testId="self-check-result"
          files={(task as Task & TaskEvidenceExtras).evidenceFiles}
        />
      );
    case 'inspection':
      return <InspectionResult task={task} result={result as unknown as InspectionBody} />;
    case 'city_audit':
      return <CityAuditResult task={task} result={result as unknown as CityAuditBody} />;
    case 'rubric':
      return <RubricResult task={task} result={result as unknown as RubricTaskBody} />;
    default:
      if (task.type.startsWith('form:') && Array.isArray(task.details?.form)) {
        return <DefinedFormResult task={task} result={result} />;
      }
      if (typeof result.note === 'string') {
        return <Typography sx={{ whiteSpace: 'pre-wrap' }}>{result.note}</Typography>;
      }
      return <JsonBlock value={result} />;
  }
};
