// Programmes defined as data by a coordinator (DOMAIN.md Programme D: "a coordinator should
// be able to run another staged campaign (stages, deadlines, rubric, roster) from a definition without new
// workflow code"). The spec is validated here with reasons in Chinese and English, stored versioned
// (programme_definition), and turned into a Programme that defineCampaign runs like a built-in one;
// DefinedCaseWorkflow runs its cases. A running campaign keeps the version it was launched with: the
// rules are copied into its definition (CampaignRules.defined).
import { z } from 'zod';
import { lazy } from '../lazy.js';
import type { DefinitionProblem } from '../campaign-definition.js';
import type { CaseTaskTemplate, DefinedProgramme } from './types.js';

/** Roles that act on a defined programme's tasks (leaders read, admins administer). */
export const ACTING_ROLES = ['county_officer', 'auditor', 'coordinator'] as const;
export type ActingRole = (typeof ACTING_ROLES)[number];
export const FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const PROGRAMME_ID = /^[a-z][a-z0-9_]{2,40}$/;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

const msg = (zh: string, en: string) => `${zh} / ${en}`;
const text = (max: number) =>
  z
    .string({ error: msg('须为文本', 'must be text') })
    .trim()
    .min(1, msg('不能为空', 'must not be empty'))
    .max(max, msg(`最多 ${max} 个字符`, `at most ${max} characters`));
const key = () =>
  z
    .string({ error: msg('须为文本', 'must be text') })
    .regex(KEY, msg('须为小写字母开头的字母、数字或下划线（最多 40 个）', 'must be lowercase letters, digits or _ starting with a letter (at most 40)'));

export interface FormField {
  key: string;
  label: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

// Roles and field types are plain strings here: validateProgrammeSpec names an unknown one itself, with the
// choices, instead of zod's generic "invalid option".
const formField = lazy(() =>
  z
    .object({
      // A form field’s key is a property of the result (camelCase allowed).
      key: z
        .string({ error: msg('须为文本', 'must be text') })
        .regex(
          /^[A-Za-z][A-Za-z0-9_]{0,39}$/,
          msg('须为字母开头的字母、数字或下划线（最多 40 个）', 'must be letters, digits or _ starting with a letter (at most 40)'),
        ),
      label: text(100),
      labelEn: text(100),
      type: z.string().max(40),
      required: z.boolean({ error: msg('须为 true 或 false', 'must be true or false') }),
      options: z.array(text(100)).max(50).optional(),
    })
    .strict(),
);

export const programmeSpecSchema = lazy(() =>
  z
    .object({
      id: z
        .string({ error: msg('须为文本', 'must be text') })
        .regex(
          PROGRAMME_ID,
          msg('项目编号须为 3–41 位小写字母、数字或下划线，以字母开头', 'id must be 3–41 lowercase letters, digits or _, starting with a letter'),
        ),
      name: text(100),
      nameEn: text(200),
      stages: z
        .array(
          z
            .object({
              key: key(),
              name: text(100),
              nameEn: text(200),
              durationDays: z
                .number({ error: msg('须为数字', 'must be a number') })
                .int(msg('须为整数', 'must be a whole number'))
                .min(1, msg('至少 1 天', 'at least 1 day'))
                .max(366, msg('最多 366 天', 'at most 366 days')),
              taskTypes: z.array(z.string().max(50)).max(20),
            })
            .strict(),
        )
        .min(1, msg('至少须有一个阶段', 'at least one stage'))
        .max(12, msg('最多 12 个阶段', 'at most 12 stages')),
      defaultStart: z.string({ error: msg('须为文本', 'must be text') }).regex(/^\d{2}-\d{2}$/, msg('开始日期须为 MM-DD', 'defaultStart must be MM-DD')),
      taskTypes: z
        .array(
          z
            .object({
              key: key(),
              name: text(100),
              nameEn: text(200),
              role: z.string().max(40),
              form: z.array(formField()).min(1, msg('表单至少须有一个字段', 'a form needs at least one field')).max(50),
            })
            .strict(),
        )
        .max(30),
      rubric: z
        .object({
          stageKey: z.string().max(50),
          role: z.string().max(40),
          items: z
            .array(
              z
                .object({
                  key: key(),
                  name: text(100),
                  nameEn: text(200),
                  points: z
                    .number({ error: msg('须为数字', 'must be a number') })
                    .int(msg('分值须为整数', 'points must be a whole number'))
                    .min(1, msg('分值至少 1', 'at least 1 point'))
                    .max(100, msg('分值最多 100', 'at most 100 points')),
                })
                .strict(),
            )
            .min(1, msg('评分细则至少须有一项', 'the rubric needs at least one item'))
            .max(50),
          vetoItems: z.array(z.object({ key: key(), name: text(100), nameEn: text(200) }).strict()).max(20),
        })
        .strict(),
      roster: z
        .object({
          name: text(100),
          nameEn: text(200),
          threshold: z
            .number({ error: msg('须为数字', 'must be a number') })
            .min(0, msg('分数线须在 0–100 之间', 'threshold must be 0..100'))
            .max(100, msg('分数线须在 0–100 之间', 'threshold must be 0..100'))
            .optional(),
          quota: z
            .number({ error: msg('须为数字', 'must be a number') })
            .int(msg('名额须为整数', 'quota must be a whole number'))
            .min(1, msg('名额至少为 1', 'quota must be at least 1'))
            .max(10_000)
            .optional(),
        })
        .strict(),
      clause: z.string().trim().max(500).optional(),
    })
    .strict(),
);

export type ProgrammeSpec = z.infer<ReturnType<typeof programmeSpecSchema>>;
export type DefinedTaskType = ProgrammeSpec['taskTypes'][number] & { role: ActingRole; form: FormField[] };

/** What a campaign of a defined programme runs by, copied into its definition at launch. */
export type DefinedRules = Omit<ProgrammeSpec, 'id' | 'name' | 'nameEn' | 'clause' | 'taskTypes'> & {
  version: number;
  taskTypes: DefinedTaskType[];
  /** The notice or measure the programme comes from, cited in the audit trail. */
  clause: string;
};

/** The task type of a defined form task: `form:<taskTypeKey>`. */
export const formTaskType = (key: string) => `form:${key}`;
export const RUBRIC_TASK = 'rubric';

function zodProblems(error: z.ZodError): DefinitionProblem[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.message.includes(' / ')) {
      const [zh, en] = i.message.split(' / ', 2) as [string, string];
      return { path, messageZh: zh, messageEn: en };
    }
    if (i.code === 'unrecognized_keys') return { path, messageZh: `未知字段：${i.keys.join('、')}`, messageEn: `unknown field(s): ${i.keys.join(', ')}` };
    if (i.code === 'invalid_type' && i.input === undefined) return { path, messageZh: '必填', messageEn: 'required' };
    return { path, messageZh: `无效：${i.message}`, messageEn: i.message };
  });
}

function validMonthDay(md: string): boolean {
  const [m, d] = md.split('-').map(Number) as [number, number];
  // 02-29 is refused: the calendar must exist every year.
  const t = new Date(Date.UTC(2025, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Every problem of a spec, each with the path of the field it concerns and a reason in Chinese and English:
 * the shape first (types, lengths, keys), then the rules: known roles and field types, unique keys, every
 * stage with a task type (the rubric stage may have none), task types that exist, rubric points adding up
 * to 100 (DOMAIN.md: "the 85 threshold … checked when the campaign is defined"), a roster chosen by a
 * threshold or a quota.
 */
export function validateProgrammeSpec(input: unknown): DefinitionProblem[] {
  const parsed = programmeSpecSchema().safeParse(input);
  if (!parsed.success) return zodProblems(parsed.error);
  const spec = parsed.data;
  const problems: DefinitionProblem[] = [];
  const add = (path: string, zh: string, en: string) => problems.push({ path, messageZh: zh, messageEn: en });
  const roles = ACTING_ROLES.join(', ');
  const dupes = (list: { key: string }[], path: string, what: [string, string]) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) add(`${path}.${i}.key`, `${what[0]}「${x.key}」重复`, `duplicate ${what[1]} key "${x.key}"`);
      seen.add(x.key);
    });
  };

  if (!validMonthDay(spec.defaultStart))
    add(
      'defaultStart',
      `开始日期「${spec.defaultStart}」不存在（MM-DD，不可为 02-29）`,
      `defaultStart "${spec.defaultStart}" is not a date of every year (MM-DD, not 02-29)`,
    );
  dupes(spec.stages, 'stages', ['阶段', 'stage']);
  dupes(spec.taskTypes, 'taskTypes', ['任务类型', 'task type']);
  dupes(spec.rubric.items, 'rubric.items', ['评分项', 'rubric item']);
  dupes(spec.rubric.vetoItems, 'rubric.vetoItems', ['否决项', 'veto item']);
  spec.rubric.vetoItems.forEach((v, i) => {
    if (spec.rubric.items.some((x) => x.key === v.key))
      add(`rubric.vetoItems.${i}.key`, `否决项「${v.key}」与评分项重名`, `veto item "${v.key}" has the key of a rubric item`);
  });

  spec.taskTypes.forEach((t, i) => {
    if (!(ACTING_ROLES as readonly string[]).includes(t.role))
      add(`taskTypes.${i}.role`, `未知角色「${t.role}」（可选：${roles}）`, `unknown role "${t.role}" (one of: ${roles})`);
    dupes(t.form, `taskTypes.${i}.form`, ['表单字段', 'form field']);
    t.form.forEach((f, j) => {
      const p = `taskTypes.${i}.form.${j}`;
      if (!(FIELD_TYPES as readonly string[]).includes(f.type))
        add(`${p}.type`, `字段类型「${f.type}」无效（可选：${FIELD_TYPES.join(', ')}）`, `bad field type "${f.type}" (one of: ${FIELD_TYPES.join(', ')})`);
      else if (f.type === 'choice' && !(f.options && f.options.length > 0)) add(`${p}.options`, '选择题须列出选项', 'a choice field needs its options');
      else if (f.type !== 'choice' && f.options) add(`${p}.options`, '只有选择题有选项', 'only a choice field has options');
      if (f.options && new Set(f.options).size !== f.options.length) add(`${p}.options`, '选项重复', 'duplicate options');
    });
  });

  const rubricStage = spec.rubric.stageKey;
  spec.stages.forEach((s, i) => {
    if (s.taskTypes.length === 0 && s.key !== rubricStage)
      add(
        `stages.${i}.taskTypes`,
        `阶段「${s.name}」没有任务类型（评分阶段除外，每个阶段须至少有一个任务类型）`,
        `stage "${s.key}" has no task type (only the rubric stage may have none)`,
      );
    s.taskTypes.forEach((k, j) => {
      if (!spec.taskTypes.some((t) => t.key === k)) add(`stages.${i}.taskTypes.${j}`, `未知任务类型「${k}」`, `unknown task type "${k}"`);
      if (s.taskTypes.indexOf(k) !== j) add(`stages.${i}.taskTypes.${j}`, `任务类型「${k}」重复`, `task type "${k}" given twice`);
    });
  });
  if (!spec.stages.some((s) => s.key === rubricStage))
    add('rubric.stageKey', `评分阶段「${rubricStage}」不是本项目的阶段`, `rubric stage "${rubricStage}" is not a stage of the programme`);
  if (!(ACTING_ROLES as readonly string[]).includes(spec.rubric.role))
    add('rubric.role', `未知角色「${spec.rubric.role}」（可选：${roles}）`, `unknown role "${spec.rubric.role}" (one of: ${roles})`);
  const sum = spec.rubric.items.reduce((n, x) => n + x.points, 0);
  if (sum !== 100) add('rubric.items', `评分项分值合计须为 100，现为 ${sum}`, `rubric points must add up to 100, not ${sum}`);
  if (spec.roster.threshold === undefined && spec.roster.quota === undefined)
    add('roster', '名单须设定分数线或名额（或两者）', 'the roster needs a threshold, a quota, or both');
  return problems;
}

/** A validated spec (call validateProgrammeSpec first) as a Programme the campaign engine runs. */
export function programmeFromSpec(spec: ProgrammeSpec, version: number): DefinedProgramme {
  const clause = spec.clause?.trim() || `${spec.name}（项目定义第 ${version} 版）`;
  const taskTypes = spec.taskTypes as DefinedTaskType[];
  const defined: DefinedRules = { version, defaultStart: spec.defaultStart, stages: spec.stages, taskTypes, rubric: spec.rubric, roster: spec.roster, clause };
  const calendar = definedCalendar(defined, 2025); // MM-DD for display; a campaign's own year is placed by defineCampaign
  return {
    kind: 'defined',
    id: spec.id,
    name: spec.name,
    nameEn: spec.nameEn,
    stages: spec.stages.map((s, i) => {
      const caseTasks: CaseTaskTemplate[] = s.taskTypes.map((k) => {
        const t = taskTypes.find((x) => x.key === k)!;
        return { type: formTaskType(k), title: t.name, titleEn: t.nameEn, assigneeRole: t.role };
      });
      if (s.key === spec.rubric.stageKey)
        caseTasks.push({ type: RUBRIC_TASK, title: '评分', titleEn: 'Rubric scoring', assigneeRole: spec.rubric.role as ActingRole });
      return { key: s.key, name: s.name, nameEn: s.nameEn, defaultStart: calendar[i]!.start.slice(5), defaultDue: calendar[i]!.due.slice(5), caseTasks };
    }),
    // Operators are enrolled at launch and until the first stage closes; a defined programme has no tracks.
    enrolmentStage: spec.stages[0]!.key,
    clauses: { enrolment: clause, deadline: clause },
    defaults: {
      reminderLeadHours: 72,
      settings: {
        ...(spec.roster.threshold !== undefined ? { listThreshold: spec.roster.threshold } : {}),
        ...(spec.roster.quota !== undefined ? { listQuota: spec.roster.quota } : {}),
      },
    },
    defined,
  };
}

/**
 * The default calendar of a defined programme in a campaign year: the stages follow each other from
 * `defaultStart`, each `durationDays` long (a stage may run into the next year). Dates as YYYY-MM-DD.
 */
export function definedCalendar(d: Pick<DefinedRules, 'defaultStart' | 'stages'>, year: number): { start: string; due: string }[] {
  const [m, day] = d.defaultStart.split('-').map(Number) as [number, number];
  let t = Date.UTC(year, m - 1, day);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return d.stages.map((s) => {
    const start = t;
    t += s.durationDays * 86_400_000;
    return { start: iso(start), due: iso(t - 86_400_000) };
  });
}
