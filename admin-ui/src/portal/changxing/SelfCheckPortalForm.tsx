import { useEffect, useMemo, useState } from 'react';
import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import IssueIcon from '@mui/icons-material/ReportProblemOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormHelperText,
  LinearProgress,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useLocalizedName } from '../../common/useLocalizedName';
import type { EvidenceFile } from '../../tasks/EvidenceFiles';
import type { SelfCheckArea, SelfCheckAreaResult } from '../../types';
import { portalCase } from '../api';
import type { PortalTaskFormProps } from '../pages';
import { caseEvidence } from './api';
import { EvidenceUpload } from './EvidenceUpload';

/** Files per area (domain/task-forms.ts MAX_EVIDENCE_PER_AREA). */
const MAX_PER_AREA = 10;

interface Answer {
  key: string;
  finding?: 'compliant' | 'issue';
  description: string;
  fixed: boolean;
  evidence: string[];
}

const blank = (areas: SelfCheckArea[]): Answer[] => areas.map((a) => ({ key: a.key, description: '', fixed: false, evidence: [] }));

/** The previous round's answers (a returned self-check is handed in again, corrected), over a blank form. */
const prefilled = (areas: SelfCheckArea[], previous?: SelfCheckAreaResult[]): Answer[] =>
  blank(areas).map((b) => {
    const p = previous?.find((x) => x.key === b.key);
    return p ? { key: b.key, finding: p.finding, description: p.description ?? '', fixed: !!p.fixed, evidence: p.evidence ?? [] } : b;
  });

const body = (answers: Answer[]) => ({
  areas: answers.map((a) => ({
    key: a.key,
    finding: a.finding!,
    ...(a.description.trim() ? { description: a.description.trim() } : {}),
    ...(a.finding === 'issue' ? { fixed: a.fixed } : {}),
    ...(a.evidence.length ? { evidence: a.evidence } : {}),
  })),
});

/**
 * 自查自纠 by the operator (长兴方案 四、（二）): the eight areas of the guide, one card each, phone first —
 * 符合 / 存在问题 as two big buttons, the issue described and marked fixed, photos (the phone's camera) or
 * PDFs as evidence; the submit bar stays at the bottom of the screen. A returned round starts from the
 * previous answers (the reason is shown above the form by the task page).
 */
export const SelfCheckPortalForm = ({ task, complete }: PortalTaskFormProps) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const areas = useMemo(() => ((task.details?.areas ?? []) as SelfCheckArea[]).filter((a) => a?.key), [task.details]);
  const caseId = task.caseId ?? '';
  const returned = typeof task.details?.returnedBecause === 'string' || Number(task.details?.round ?? 1) > 1;
  const kase = useQuery({ queryKey: ['portal', 'case', caseId], queryFn: () => portalCase(caseId), enabled: returned && !!caseId });
  const evidence = useQuery({ queryKey: ['portal', 'evidence', caseId], queryFn: () => caseEvidence(caseId), enabled: !!caseId });
  const previous = useMemo(() => {
    const done = (kase.data?.tasks ?? []).filter((t) => t.type === 'self_check' && t.status === 'done' && t.id !== task.id);
    const last = done.sort((a, b) => String(b.completedAt).localeCompare(String(a.completedAt)))[0];
    return (last?.result as { areas?: SelfCheckAreaResult[] } | undefined)?.areas;
  }, [kase.data, task.id]);

  const [answers, setAnswers] = useState<Answer[]>(() => blank(areas));
  const [touched, setTouched] = useState(false);
  const [uploaded, setUploaded] = useState<EvidenceFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  // The previous round's answers arrive after the first render: taken once, unless the operator has begun.
  useEffect(() => {
    if (previous && !touched) setAnswers(prefilled(areas, previous));
  }, [previous, areas, touched]);

  const files = [...(evidence.data ?? []), ...uploaded];
  const update = (i: number, change: Partial<Answer>) => {
    setTouched(true);
    setAnswers((all) => all.map((a, k) => (k === i ? { ...a, ...change } : a)));
  };
  const missing = (a: Answer) => !a.finding || (a.finding === 'issue' && !a.description.trim());
  const answered = answers.filter((a) => !missing(a)).length;
  const loadingPrevious = returned && kase.isLoading;

  const submit = async () => {
    setChecked(true);
    if (answers.some(missing)) {
      document.querySelector('[data-area-missing="true"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setSending(true);
    try {
      setErrors((await complete(body(answers))) ?? {});
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="portal-self-check-form">
      <Typography variant="body2" color="text.secondary">
        {translate('app.cx_portal.self_check_intro')}
      </Typography>
      {returned && previous && (
        <Alert severity="info" data-testid="self-check-prefilled">
          {translate('app.cx_portal.prefilled')}
        </Alert>
      )}
      {loadingPrevious && <LinearProgress />}
      {answers.map((a, i) => {
        const area = areas[i]!;
        const bad = checked && missing(a);
        const apiErrors = Object.entries(errors).filter(([path]) => path.startsWith(`areas.${i}.`) || path === `areas.${i}`);
        return (
          <Card
            key={a.key}
            data-testid={`portal-area-${a.key}`}
            data-area-missing={bad}
            sx={bad || apiErrors.length ? { outline: 2, outlineColor: 'error.main' } : undefined}
          >
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                {translate('app.cx_portal.area_of', { n: i + 1, total: answers.length })}
              </Typography>
              <Typography variant="h6" component="h3" sx={{ mb: 1, lineHeight: 1.3 }}>
                {localized(area)}
              </Typography>
              <ToggleButtonGroup
                exclusive
                fullWidth
                value={a.finding ?? null}
                onChange={(_e, v: Answer['finding'] | null) => v && update(i, { finding: v })}
                sx={{ mb: 1, '& .MuiToggleButton-root': { minHeight: 48, fontSize: '1rem' } }}
              >
                <ToggleButton value="compliant" color="success" data-testid={`portal-area-${a.key}-compliant`}>
                  <CheckIcon sx={{ mr: 1 }} />
                  {translate('app.self_check.finding.compliant')}
                </ToggleButton>
                <ToggleButton value="issue" color="warning" data-testid={`portal-area-${a.key}-issue`}>
                  <IssueIcon sx={{ mr: 1 }} />
                  {translate('app.self_check.finding.issue')}
                </ToggleButton>
              </ToggleButtonGroup>
              {bad && !a.finding && <FormHelperText error>{translate('app.cx_portal.choose')}</FormHelperText>}
              {a.finding === 'issue' && (
                <>
                  <TextField
                    fullWidth
                    multiline
                    minRows={2}
                    label={translate('app.self_check.description')}
                    value={a.description}
                    onChange={(e) => update(i, { description: e.target.value })}
                    error={bad && !a.description.trim()}
                    helperText={bad && !a.description.trim() ? translate('app.self_check.description_required') : undefined}
                    slotProps={{ htmlInput: { 'data-testid': `portal-area-${a.key}-description`, maxLength: 2000 } }}
                    sx={{ mb: 0.5 }}
                  />
                  <FormControlLabel
                    control={<Checkbox checked={a.fixed} onChange={(e) => update(i, { fixed: e.target.checked })} sx={{ p: 1.5 }} />}
                    label={translate('app.cx_portal.fixed')}
                  />
                </>
              )}
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 0.5 }}>
                {translate('app.cx_portal.evidence_hint')}
              </Typography>
              <EvidenceUpload
                value={a.evidence}
                onChange={(ids) => update(i, { evidence: ids })}
                files={files}
                onUploaded={(f) => setUploaded((u) => [...u, f])}
                max={MAX_PER_AREA}
                testId={`portal-area-${a.key}-evidence`}
              />
              {apiErrors.map(([path, message]) => (
                <FormHelperText key={path} error>
                  {message}
                </FormHelperText>
              ))}
            </CardContent>
          </Card>
        );
      })}
      {/* The submit stays in reach at the bottom of a phone's screen while the eight cards scroll by. */}
      <Box
        sx={{ position: 'sticky', bottom: 0, zIndex: 2, py: 1, px: 1, mx: -1, bgcolor: 'grey.100', borderTop: 1, borderColor: 'divider' }}
        data-testid="portal-self-check-actions"
      >
        <Typography variant="caption" component="div" sx={{ mb: 0.5 }} data-testid="portal-self-check-progress">
          {translate('app.cx_portal.progress', { done: answered, total: answers.length })}
        </Typography>
        <Button
          fullWidth
          size="large"
          variant="contained"
          onClick={submit}
          disabled={sending || loadingPrevious}
          startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}
          sx={{ minHeight: 48 }}
          data-testid="portal-self-check-submit"
        >
          {translate('app.cx_portal.submit')}
        </Button>
      </Box>
    </Stack>
  );
};
