// Who may be enrolled in a campaign, checked row by row: the operator exists, is registered in the
// campaign's county (changxing 一、培育对象: "实际注册和运营在本县"), is not enrolled twice, and has a track
// of the programme. A batch with any bad row enrols nobody: the coordinator gets every row's reason.
import type { CaseSeed } from '../activities/case.js';
import type { Named } from '../domain/programmes/index.js';
import { caseIdOf, trackKeyOf } from '../domain/case.js';
import { usccProblemMessage } from '../domain/uscc.js';
import type { PrismaClient } from '../prisma/db.js';
import { badRequest } from './errors.js';
import type { Client } from '@temporalio/client';
import { enrolledAmongQuery } from '../workflows/messages.js';
import { inSlices } from '../domain/slices.js';

export interface EnrolmentRow {
  operatorId?: string;
  uscc?: string;
  track?: string;
}

export interface RowProblem {
  path: string;
  row?: number;
  messageZh: string;
  messageEn: string;
}

export async function jurisdictionSubtree(db: PrismaClient, jurisdictionId: string): Promise<Set<string>> {
  const j = await db.jurisdiction.findUniqueOrThrow({ where: { id: jurisdictionId } });
  return new Set((await db.jurisdiction.findMany({ where: { path: { startsWith: j.path } }, select: { id: true } })).map((x) => x.id));
}

/** Case ids per enrolledAmongQuery: 5,000 ids of about 45 characters make some 250 KB each way. */
const ENROLLED_QUERY_PAGE = 5_000;

/**
 * Of these operators, those the campaign's workflow has enrolled, asked a page at a time: the projection
 * may lag a moment behind an enrolment the workflow has taken.
 */
export async function enrolledPerWorkflow(client: Client, workflowId: string, campaignId: string, operatorIds: string[]): Promise<Set<string>> {
  const handle = client.workflow.getHandle(workflowId);
  const out = new Set<string>();
  for (const page of inSlices(operatorIds, ENROLLED_QUERY_PAGE)) {
    const caseIds = page.map((id) => caseIdOf(campaignId, id));
    for (const caseId of await handle.query(enrolledAmongQuery, caseIds)) out.add(caseId.slice(campaignId.length + 1));
  }
  return out;
}

/**
 * Resolves rows to case seeds or throws 400 listing every bad row. `lineOf` numbers rows as the user
 * sees them in an imported file (a CSV's first data row is line 2, a workbook's rows by their number).
 */
export async function resolveEnrolment(
  db: PrismaClient,
  opts: {
    campaignId: string;
    jurisdictionId: string;
    tracks: Named[];
    rows: EnrolmentRow[];
    rowPath: (i: number) => string;
    lineOf?: (i: number) => number;
    /** The workflow's word on those the projection does not show yet (enrolledPerWorkflow). */
    enrolledPerWorkflow?: (operatorIds: string[]) => Promise<Set<string>>;
  },
): Promise<CaseSeed[]> {
  const inside = await jurisdictionSubtree(db, opts.jurisdictionId);
  const ids = opts.rows.map((r) => r.operatorId).filter((x): x is string => !!x);
  const usccs = opts.rows.map((r) => r.uscc?.trim().toUpperCase()).filter((x): x is string => !!x);
  const operators = await db.operator.findMany({ where: { OR: [{ id: { in: ids } }, { uscc: { in: usccs } }] } });
  // Looked up by key, not searched row by row: a province's launch enrols 100,000 operators, and a scan
  // per row (10^10 comparisons) held the event loop for minutes.
  const byId = new Map(operators.map((o) => [o.id, o]));
  const byUscc = new Map(operators.map((o) => [o.uscc, o]));
  const enrolled = new Set((await db.case.findMany({ where: { campaignId: opts.campaignId }, select: { operatorId: true } })).map((c) => c.operatorId));
  // The workflow's own word: a case just enrolled may not be projected yet.
  const unprojected = operators.filter((o) => !enrolled.has(o.id)).map((o) => o.id);
  for (const id of (await opts.enrolledPerWorkflow?.(unprojected)) ?? []) enrolled.add(id);
  const trackKeys = opts.tracks.map((t) => t.key);
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  const seeds: CaseSeed[] = [];
  opts.rows.forEach((r, i) => {
    const line = opts.lineOf?.(i);
    const path = opts.rowPath(i);
    const bad = (zh: string, en: string) =>
      problems.push({
        path,
        ...(line !== undefined ? { row: line } : {}),
        messageZh: line !== undefined ? `第 ${line} 行：${zh}` : zh,
        messageEn: line !== undefined ? `line ${line}: ${en}` : en,
      });
    const uscc = r.uscc?.trim().toUpperCase();
    if (!r.operatorId && !uscc) return bad('缺少经营主体或统一社会信用代码', 'operator id or USCC missing');
    const invalid = uscc ? usccProblemMessage(uscc) : undefined;
    if (invalid) return bad(`统一社会信用代码「${uscc}」无效：${invalid.ruleZh}`, `USCC "${uscc}" is invalid: ${invalid.ruleEn}`);
    const o = r.operatorId ? byId.get(r.operatorId) : byUscc.get(uscc!);
    if (!o) return bad(`经营主体 ${r.operatorId ?? uscc} 未在经营主体名录中`, `operator ${r.operatorId ?? uscc} is not in the operator register`);
    if (!inside.has(o.jurisdictionId)) return bad(`「${o.name}」不在本辖区注册`, `${o.name} is not registered in ${opts.jurisdictionId}`);
    if (enrolled.has(o.id)) return bad(`「${o.name}」已纳入本活动`, `${o.name} is already enrolled`);
    if (seen.has(o.id)) return bad(`「${o.name}」与第 ${seen.get(o.id)} 行重复`, `${o.name} repeats line ${seen.get(o.id)}`);
    seen.set(o.id, line ?? i);
    // A programme without tracks (one defined as data) enrols without one.
    const track = trackKeyOf(opts.tracks, r.track, o.track);
    if (track === undefined)
      return bad(`「${o.name}」须选择赛道（${opts.tracks.map((t) => t.name).join(' / ')}）`, `${o.name}: track must be one of ${trackKeys.join(', ')}`);
    seeds.push({
      caseId: caseIdOf(opts.campaignId, o.id),
      operatorId: o.id,
      operatorName: o.name,
      operatorUscc: o.uscc,
      jurisdictionId: o.jurisdictionId,
      track,
    });
  });
  if (problems.length)
    throw badRequest(
      `有 ${problems.length} 行不能纳入，未纳入任何经营主体：${problems
        .slice(0, 5)
        .map((p) => p.messageZh)
        .join('；')}${problems.length > 5 ? '…' : ''}`,
      `${problems.length} row(s) cannot be enrolled; nothing was enrolled: ${problems
        .slice(0, 5)
        .map((p) => p.messageEn)
        .join('; ')}`,
      problems,
    );
  return seeds;
}
