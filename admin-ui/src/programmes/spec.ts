import type { FormFieldSpec, ProgrammeSpec } from '../types';

// The programme editor's form values: the spec as the API takes it (POST / PUT /api/programmes), but
// a choice field's options typed as one text (一行一项 or separated by commas) and numbers as typed.

export type FieldValues = Omit<FormFieldSpec, 'options'> & { optionsText?: string };
export type SpecValues = Omit<ProgrammeSpec, 'taskTypes'> & {
  taskTypes: (Omit<ProgrammeSpec['taskTypes'][number], 'form'> & { form: FieldValues[] })[];
};

export const splitOptions = (text?: string) =>
  (text ?? '')
    .split(/[\r\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const num = (value: unknown) => (value == null || value === '' ? undefined : Number(value));
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A new programme: one stage with one task type, a rubric of one item worth 100. */
export const EMPTY_SPEC: SpecValues = {
  id: '',
  name: '',
  nameEn: '',
  defaultStart: '01-01',
  stages: [
    { key: 'application', name: '申报', nameEn: 'Application', durationDays: 30, taskTypes: ['application'] },
    { key: 'evaluation', name: '评价', nameEn: 'Evaluation', durationDays: 30, taskTypes: [] },
  ],
  taskTypes: [
    {
      key: 'application',
      name: '申报材料',
      nameEn: 'Application',
      role: 'county_officer',
      form: [{ key: 'summary', label: '情况说明', labelEn: 'Summary', type: 'text', required: true }],
    },
  ],
  rubric: {
    stageKey: 'evaluation',
    role: 'auditor',
    items: [{ key: 'overall', name: '综合评价', nameEn: 'Overall', points: 100 }],
    vetoItems: [],
  },
  roster: { name: '名单', nameEn: 'List', threshold: 60 },
  clause: '',
};

export const specToValues = (spec: ProgrammeSpec): SpecValues => ({
  ...spec,
  clause: spec.clause ?? '',
  taskTypes: spec.taskTypes.map((t) => ({
    ...t,
    form: t.form.map(({ options, ...f }) => ({ ...f, optionsText: (options ?? []).join('\n') })),
  })),
  rubric: { ...spec.rubric, vetoItems: spec.rubric.vetoItems ?? [] },
});

/** The spec to send: trimmed text, numbers as numbers, options only on choice fields, no blanks. */
export const valuesToSpec = (v: SpecValues): ProgrammeSpec => {
  const clause = str(v.clause);
  const threshold = num(v.roster?.threshold);
  const quota = num(v.roster?.quota);
  return {
    id: str(v.id),
    name: str(v.name),
    nameEn: str(v.nameEn),
    stages: (v.stages ?? []).map((s) => ({
      key: str(s.key),
      name: str(s.name),
      nameEn: str(s.nameEn),
      durationDays: num(s.durationDays) as number,
      taskTypes: s.taskTypes ?? [],
    })),
    defaultStart: str(v.defaultStart),
    taskTypes: (v.taskTypes ?? []).map((t) => ({
      key: str(t.key),
      name: str(t.name),
      nameEn: str(t.nameEn),
      role: t.role,
      form: (t.form ?? []).map((f) => ({
        key: str(f.key),
        label: str(f.label),
        labelEn: str(f.labelEn),
        type: f.type,
        required: !!f.required,
        ...(f.type === 'choice' ? { options: splitOptions(f.optionsText) } : {}),
      })),
    })),
    rubric: {
      stageKey: v.rubric?.stageKey,
      role: v.rubric?.role,
      items: (v.rubric?.items ?? []).map((i) => ({
        key: str(i.key),
        name: str(i.name),
        nameEn: str(i.nameEn),
        points: num(i.points) as number,
      })),
      vetoItems: (v.rubric?.vetoItems ?? []).map((i) => ({ key: str(i.key), name: str(i.name), nameEn: str(i.nameEn) })),
    },
    roster: {
      name: str(v.roster?.name),
      nameEn: str(v.roster?.nameEn),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(quota !== undefined ? { quota } : {}),
    },
    ...(clause ? { clause } : {}),
  };
};

/** The sum of the rubric's points as typed (blank counts as 0). */
export const pointsSum = (items?: { points?: number | string | null }[]) =>
  (items ?? []).reduce((sum, item) => {
    const n = Number(item?.points);
    return sum + (Number.isFinite(n) ? n : 0);
  }, 0);

// Inputs of the editor, by the path the API reports a problem on. A choice field's options are one
// text input (optionsText); a stage's unknown task type (stages.1.taskTypes.0) belongs to its select.
const LEAF = [
  /^(id|name|nameEn|defaultStart|clause)$/,
  /^stages\.\d+\.(key|name|nameEn|durationDays|taskTypes)$/,
  /^taskTypes\.\d+\.(key|name|nameEn|role)$/,
  /^taskTypes\.\d+\.form\.\d+\.(key|label|labelEn|type|required|optionsText)$/,
  /^rubric\.(stageKey|role)$/,
  /^rubric\.items\.\d+\.(key|name|nameEn|points)$/,
  /^rubric\.vetoItems\.\d+\.(key|name|nameEn)$/,
  /^roster\.(name|nameEn|threshold|quota)$/,
];
export const isEditorInput = (path: string) => LEAF.some((re) => re.test(path));
export const editorPath = (path: string) =>
  path.replace(/^(taskTypes\.\d+\.form\.\d+)\.options(\.\d+)?$/, '$1.optionsText').replace(/^(stages\.\d+\.taskTypes)\.\d+$/, '$1');
