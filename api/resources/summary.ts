// 总结提升 (changxing 四、（五）): the campaign's summary report — work per stage, violations found per
// area, the score distribution, exclusions and the award list — as JSON for the page and as CSV.
import { Router } from 'express';
import { csvDocument } from '../csv-export.js';
import { sendXlsx, xlsxDocument, type SheetColumn } from '../spreadsheet.js';
import type { PrismaClient } from '../../prisma/db.js';
import type { RosterEntry } from '../../activities/award.js';
import { SELF_CHECK_AREAS } from '../../domain/self-check.js';
import { scoreThresholdOf } from '../../domain/score-threshold.js';
import { loadCampaign } from '../campaign-access.js';
import { scoreDistribution } from '../progress.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';

export async function campaignSummary(db: PrismaClient, campaignId: string, me: Principal) {
  const c = await loadCampaign(db, campaignId, me);
  const scope = { campaignId: c.id, jurisdictionId: { in: me.subtree } };
  const [stages, taskCounts, cases, inspections, award, titles] = await Promise.all([
    db.stage.findMany({ where: { campaignId: c.id }, orderBy: { seq: 'asc' } }),
    db.task.groupBy({ by: ['stageKey', 'status', 'overdue'], where: scope, _count: { _all: true } }),
    db.case.findMany({ where: scope, select: { id: true, excludedKind: true, totalScore: true, proposed: true } }),
    db.task.findMany({ where: { ...scope, type: 'inspection', status: 'done' }, select: { result: true } }),
    db.roster.findFirst({ where: { campaignId: c.id, kind: 'award' }, orderBy: { seq: 'desc' } }),
    db.title.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
  ]);
  const count = (key: string, pred: (g: (typeof taskCounts)[number]) => boolean) =>
    taskCounts.filter((g) => g.stageKey === key && pred(g)).reduce((n, g) => n + g._count._all, 0);
  const violations = SELF_CHECK_AREAS.map((a) => ({ key: a.key, name: a.name, minor: 0, serious: 0 }));
  for (const t of inspections)
    for (const f of (t.result as { areas?: { key: string; finding: string }[] } | null)?.areas ?? []) {
      const v = violations.find((x) => x.key === f.key);
      if (v && (f.finding === 'minor' || f.finding === 'serious')) v[f.finding] += 1;
    }
  const scores = cases.map((x) => x.totalScore).filter((s): s is number => s !== null);
  const excluded = (kind: string) => cases.filter((x) => x.excludedKind === kind).length;
  const threshold = scoreThresholdOf(c.def.rules, c.def.settings);
  return {
    campaign: {
      id: c.id,
      name: c.name,
      year: c.year,
      programme: c.programme,
      status: c.status,
      threshold: threshold?.value ?? null,
      thresholdKind: threshold?.kind ?? null,
    },
    stages: stages.map((s) => ({
      key: s.key,
      name: s.name,
      startsAt: s.startsAt,
      dueAt: s.dueAt,
      status: s.status,
      closedEarly: s.closedEarly,
      done: count(s.key, (g) => g.status === 'done'),
      open: count(s.key, (g) => g.status === 'open'),
      overdue: count(s.key, (g) => g.overdue),
    })),
    cases: {
      enrolled: cases.length,
      filed: excluded('filed'),
      rectificationFailed: excluded('rectification_failed'),
      objectionUpheld: excluded('objection_upheld'),
      scored: scores.length,
      proposed: cases.filter((x) => x.proposed).length,
    },
    violationsByArea: violations,
    scoreDistribution: scoreDistribution(scores),
    scoreStats: scores.length
      ? { min: Math.min(...scores), max: Math.max(...scores), mean: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 }
      : null,
    titles: Object.fromEntries(titles.map((t) => [t.status, t._count._all])),
    awardList: ((award?.entries ?? []) as unknown as RosterEntry[]).filter((e) => me.subtree.includes(e.jurisdictionId)),
    awardPublishedAt: award?.publishedAt ?? null,
  };
}

export function summaryRouter(db: PrismaClient): Router {
  const r = Router();
  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/summary',
      summary: 'The campaign’s summary report (总结): work per stage, violations by area, score distribution, award list',
      tag: 'campaigns',
    },
    async (req, _res, me) => campaignSummary(db, String(req.params.id), me),
  );
  /** The report's sections, each a table: one after another in the CSV, a sheet each in the workbook. */
  const sections = (s: Awaited<ReturnType<typeof campaignSummary>>): { name: string; columns: SheetColumn[]; rows: unknown[][] }[] => [
    {
      name: '阶段',
      columns: [
        { header: '阶段', width: 16 },
        { header: '状态' },
        { header: '已办', type: 'number' },
        { header: '未办', type: 'number' },
        { header: '逾期', type: 'number' },
      ],
      rows: s.stages.map((x) => [x.name, x.status, x.done, x.open, x.overdue]),
    },
    {
      name: '案件',
      columns: ['案件', '纳入', '立案查处', '整改未通过', '异议成立', '已评分', '拟授予'].map((header, i) => ({
        header,
        ...(i ? { type: 'number' as const } : {}),
      })),
      rows: [['', s.cases.enrolled, s.cases.filed, s.cases.rectificationFailed, s.cases.objectionUpheld, s.cases.scored, s.cases.proposed]],
    },
    {
      name: '检查发现',
      columns: [
        { header: '检查发现（按方面）', width: 24 },
        { header: '轻微', type: 'number' },
        { header: '严重', type: 'number' },
      ],
      rows: s.violationsByArea.map((v) => [v.name, v.minor, v.serious]),
    },
    {
      name: '得分分布',
      columns: [{ header: '得分分布' }, { header: '数量', type: 'number' }],
      rows: s.scoreDistribution.map((b) => [b.label, b.count]),
    },
    {
      name: '授予名单',
      columns: [
        { header: '授予名单', width: 36 },
        { header: '统一社会信用代码', width: 22 },
        { header: '辖区', width: 18 },
        { header: '总分', type: 'number' },
      ],
      rows: s.awardList.map((e) => [e.operatorName, e.uscc, e.jurisdictionName, e.totalScore ?? '']),
    },
  ];
  route(
    r,
    { method: 'get', path: '/campaigns/:id/summary/csv', summary: 'The summary report as CSV (UTF-8 with BOM)', tag: 'campaigns' },
    async (req, res, me) => {
      const s = await campaignSummary(db, String(req.params.id), me);
      const rows = [[s.campaign.name], ...sections(s).flatMap((x) => [[], x.columns.map((c) => c.header), ...x.rows])];
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${s.campaign.id}-summary.csv`)}`);
      res.send(csvDocument(rows));
    },
  );
  route(
    r,
    { method: 'get', path: '/campaigns/:id/summary/xlsx', summary: 'The summary report as an Excel workbook (.xlsx), a sheet per section', tag: 'campaigns' },
    async (req, res, me) => {
      const s = await campaignSummary(db, String(req.params.id), me);
      sendXlsx(res, `${s.campaign.id}-summary.xlsx`, await xlsxDocument(sections(s)));
    },
  );
  return r;
}
