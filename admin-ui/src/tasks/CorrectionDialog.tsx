// 更正 (README "Corrections"; DOMAIN.md "Correction": a later decision that amends a completed one, both
// kept): on a completed decision's page, a coordinator or leader over the campaign reopens the task for its
// role or amends its result, with a reason (POST /api/tasks/:id/corrections). The API and the owning
// workflow decide: a refusal (e.g. the 公示 already published) stays in the dialog, in the page's language.
import { useState } from 'react';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button, Checkbox, FormControlLabel, FormHelperText, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { hasAtMostTwoDecimals } from '../common/scores';
import { API_URL, httpClient } from '../httpClient';
import { isCorrectable } from '../../../domain/corrections.js';
import type { Role, Task } from '../types';

const CORRECTORS: Role[] = ['coordinator', 'leader'];

export const canCorrect = (role: Role | undefined, task?: Pick<Task, 'status' | 'type'>) =>
  !!role && CORRECTORS.includes(role) && task?.status === 'done' && isCorrectable(task.type);

/**
 * How each decision is corrected here: amended with a new result, or reopened for its handler. An
 * inspection (its whole form: areas, measure, deadline), a pre-review and a register's intake review are
 * reopened for their handlers to decide again (the API amends them too); a filing is only amended (an entry leaves the
 * register by removal, not by reopening its filing).
 */
const MODES: Record<string, Mode[]> = { inspection: ['reopen'], pre_review: ['reopen'], intake_review: ['reopen'], filing: ['amend'] };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What reopening does, where it does more than open the task again. */
const REOPEN_HELPERS: Record<string, string> = {
  inspection: 'app.correction.reopen_inspection',
  pre_review: 'app.correction.reopen_pre_review',
  intake_review: 'app.correction.reopen_intake_review',
};

const correctTask = (id: string, body: object) =>
  httpClient(`${API_URL}/tasks/${encodeURIComponent(id)}/corrections`, { method: 'POST', body: JSON.stringify(body) });

type Mode = 'amend' | 'reopen';

export const CorrectionButton = () => {
  const task = useRecordContext<Task>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [chosen, setMode] = useState<Mode>('amend');
  const [score, setScore] = useState('');
  const [decision, setDecision] = useState<'accepted' | 'returned' | ''>('');
  const [note, setNote] = useState('');
  const [points, setPoints] = useState<Record<string, string>>({});
  const [filing, setFiling] = useState<{ filedOn?: string; reference?: string }>({});
  const [republish, setRepublish] = useState(false);
  if (!task || !canCorrect(permissions, task)) return null;
  const modes = MODES[task.type] ?? ['amend', 'reopen'];
  const mode: Mode = modes.includes(chosen) ? chosen : modes[0]!;
  // 入库备案: prefilled with the date and reference as filed.
  const filed = (task.result ?? {}) as { filedOn?: string; reference?: string };
  const filedOn = filing.filedOn ?? filed.filedOn ?? '';
  const reference = filing.reference ?? filed.reference ?? '';

  // 市局审核: the 12 criteria with their maxima, prefilled with the points as audited.
  const criteria: { key: string; name: string; max: number }[] =
    task.type === 'city_audit'
      ? ((task.details?.rubric ?? []) as { criteria: { key: string; name: string }[] }[]).flatMap((g) =>
          g.criteria.map((c) => ({ ...c, max: Number(task.details?.criterionPoints?.[c.key] ?? 0) })),
        )
      : [];
  const audited = ((task.result ?? {}) as { points?: Record<string, number> }).points ?? {};
  const pointOf = (key: string) => points[key] ?? String(audited[key] ?? '');
  const pointOk = (c: { key: string; max: number }) => {
    const v = Number(pointOf(c.key));
    return pointOf(c.key).trim() !== '' && Number.isInteger(v) && v >= 0 && v <= c.max;
  };

  const scoreValue = Number(score);
  const scoreOk = score.trim() !== '' && Number.isFinite(scoreValue) && scoreValue >= 0 && scoreValue <= 100 && hasAtMostTwoDecimals(scoreValue);
  const reviewOk = decision === 'accepted' || (decision === 'returned' && note.trim() !== '');
  const result =
    task.type === 'score'
      ? { score: scoreValue }
      : task.type === 'filing'
        ? { ...filed, filedOn, reference: reference.trim() }
        : task.type === 'city_audit'
          ? { points: Object.fromEntries(criteria.map((c) => [c.key, Number(pointOf(c.key))])), vetoes: [] }
          : { decision, ...(note.trim() ? { note: note.trim() } : {}) };
  const filingOk = DATE.test(filedOn) && reference.trim() !== '';
  const amendOk = task.type === 'score' ? scoreOk : task.type === 'filing' ? filingOk : task.type === 'city_audit' ? criteria.every(pointOk) : reviewOk;
  const canConfirm = mode === 'reopen' || amendOk;
  const close = () => {
    setOpen(false);
    setMode('amend');
    setScore('');
    setDecision('');
    setNote('');
    setPoints({});
    setFiling({});
    setRepublish(false);
  };

  return (
    <>
      <Button data-testid="correct-task" size="small" startIcon={<EditNoteIcon />} onClick={() => setOpen(true)}>
        {translate('app.correction.button')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('app.correction.title')}
        content={translate('app.correction.content')}
        reasonLabel="app.correction.reason"
        confirm="app.correction.confirm"
        testId="correction-dialog"
        canConfirm={canConfirm}
        onClose={close}
        onConfirm={async (reason) => {
          const { json } = await correctTask(
            String(task.id),
            mode === 'reopen' ? { reason, reopen: true } : { reason, result, ...(republish ? { republish: {} } : {}) },
          );
          close();
          notify(json?.publicity ? 'app.correction.done_republished' : 'app.correction.done', { type: 'success' });
          refresh();
        }}
      >
        {modes.length > 1 && (
          <>
            <Typography variant="subtitle2">{translate('app.correction.mode_label')}</Typography>
            <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="correction-mode">
              <FormControlLabel value="amend" control={<Radio />} label={translate('app.correction.mode.amend')} />
              <FormControlLabel value="reopen" control={<Radio />} label={translate('app.correction.mode.reopen')} />
            </RadioGroup>
          </>
        )}
        {mode === 'reopen' && (
          <FormHelperText data-testid="correction-reopen-helper">{translate(REOPEN_HELPERS[task.type] ?? 'app.correction.reopen_helper')}</FormHelperText>
        )}
        {mode === 'amend' && task.type === 'score' && (
          <TextField
            label={translate('app.correction.new_score')}
            type="number"
            value={score}
            onChange={(e) => setScore(e.target.value)}
            error={score !== '' && !scoreOk}
            helperText={score !== '' && !scoreOk ? translate('app.correction.score_invalid') : undefined}
            slotProps={{ htmlInput: { min: 0, max: 100, step: 0.01, 'data-testid': 'correction-score' } }}
          />
        )}
        {/* After the 公示 (changxing 四、（四）): the corrected list is published anew, never edited. */}
        {mode === 'amend' && task.type === 'score' && (
          <>
            <FormControlLabel
              control={<Checkbox checked={republish} onChange={(e) => setRepublish(e.target.checked)} data-testid="correction-republish" />}
              label={translate('app.correction.republish')}
            />
            <FormHelperText>{translate('app.correction.republish_helper')}</FormHelperText>
          </>
        )}
        {mode === 'amend' && task.type === 'filing' && (
          <>
            <TextField
              label={translate('app.correction.filed_on')}
              type="date"
              value={filedOn}
              onChange={(e) => setFiling({ ...filing, filedOn: e.target.value })}
              error={!DATE.test(filedOn)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'correction-filed-on' } }}
            />
            <TextField
              label={translate('app.correction.reference')}
              value={reference}
              onChange={(e) => setFiling({ ...filing, reference: e.target.value })}
              error={!reference.trim()}
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'correction-reference' } }}
            />
          </>
        )}
        {mode === 'amend' && task.type === 'city_audit' && (
          <>
            <FormHelperText>{translate('app.correction.points_helper')}</FormHelperText>
            {criteria.map((c) => (
              <TextField
                key={c.key}
                size="small"
                type="number"
                label={translate('app.correction.points', { name: c.name, max: c.max })}
                value={pointOf(c.key)}
                onChange={(e) => setPoints({ ...points, [c.key]: e.target.value })}
                error={!pointOk(c)}
                slotProps={{ htmlInput: { min: 0, max: c.max, step: 1, 'data-testid': `correction-points-${c.key}` } }}
              />
            ))}
          </>
        )}
        {mode === 'amend' && task.type === 'self_check_review' && (
          <>
            <Typography variant="subtitle2">{translate('app.correction.decision_label')}</Typography>
            <RadioGroup row value={decision} onChange={(e) => setDecision(e.target.value as 'accepted' | 'returned')} data-testid="correction-decision">
              <FormControlLabel value="accepted" control={<Radio />} label={translate('app.review.decision.accepted')} />
              <FormControlLabel value="returned" control={<Radio />} label={translate('app.review.decision.returned')} />
            </RadioGroup>
            <TextField
              label={translate('app.correction.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              multiline
              minRows={2}
              error={decision === 'returned' && !note.trim()}
              helperText={decision === 'returned' && !note.trim() ? translate('app.correction.note_required') : undefined}
              slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'correction-note' } }}
            />
          </>
        )}
      </ReasonDialog>
    </>
  );
};
