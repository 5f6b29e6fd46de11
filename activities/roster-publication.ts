// Red and black lists (changxing 四、工作要求（三）: 建立红黑榜机制，并定期予以公示): when the programme allows one
// now, what it holds, and its publication, one transaction with its audit entry. Published on demand by a
// coordinator (api/resources/award.ts) and on the campaign's schedule (workflows/roster-schedule.ts; README
// "Scheduled red and black lists").
import { isDeepStrictEqual } from 'node:util';
import type { PrismaClient, Prisma, Roster } from '../prisma/generated/client.js';
import { shanghaiDate } from '../domain/time.js';
import { PROGRAMMES, type RosterRules, type StagedAwardProgramme } from '../domain/programmes/index.js';
import { withKind, type CampaignDefinition, type CampaignDefinitionOf } from '../domain/campaign-definition.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import type { RosterEntry } from './award.js';
import { appendAudit } from './audit.js';

export type RedOrBlack = 'red' | 'black';

/** A programme that does not say when its lists are published publishes them once its award is final. */
const AFTER_AWARD: RosterRules = { afterAward: true, duringStages: [] };
const NO_ROSTERS: RosterRules = { afterAward: false, duringStages: [] };

/**
 * Whether a red or black list may be published now, from the programme's rules (RosterRules, copied into
 * the campaign at launch): once the award is final, or while one of the named stages is open. When not,
 * the reason names each condition and where the campaign stands on it.
 */
export async function rosterPublishing(
  db: PrismaClient,
  c: { id: string; programme: string; def: CampaignDefinition },
): Promise<{ allowed: boolean; messageZh: string; messageEn: string }> {
  // Red and black lists are a staged award's (Changxing 四、工作要求（三）): other kinds publish none.
  const rules =
    c.def.kind !== 'staged_award' ? NO_ROSTERS : (c.def.rules.rosters ?? (PROGRAMMES[c.programme] as StagedAwardProgramme | undefined)?.rosters ?? AFTER_AWARD);
  const [awarded, stages] = await Promise.all([
    rules.afterAward ? db.roster.count({ where: { campaignId: c.id, kind: 'award' } }).then((n) => n > 0) : false,
    db.stage.findMany({ where: { campaignId: c.id, key: { in: rules.duringStages } }, orderBy: { seq: 'asc' } }),
  ]);
  const open = stages.find((s) => s.status === 'open');
  const whenZh = [...(rules.afterAward ? ['授予名单确定后'] : []), ...stages.map((s) => `「${s.name}」阶段进行期间`)].join('或');
  const whenEn = [...(rules.afterAward ? ['once the award is final'] : []), ...stages.map((s) => `while stage ${s.key} (${s.nameEn}) is open`)].join(' or ');
  if (awarded || open)
    return {
      allowed: true,
      messageZh: `可以发布：${awarded ? '授予名单已确定' : `「${open!.name}」阶段进行中`}`,
      messageEn: `may be published: ${awarded ? 'the award is final' : `stage ${open!.key} is open`}`,
    };
  if (!whenZh) return { allowed: false, messageZh: '本项目未规定红黑榜的发布', messageEn: 'this programme does not publish red or black lists' };
  const stateZh = [
    ...(rules.afterAward ? ['授予名单尚未确定'] : []),
    ...stages.map((s) => `「${s.name}」阶段${s.status === 'pending' ? '尚未开始' : '已结束'}`),
  ].join('，');
  const stateEn = [
    ...(rules.afterAward ? ['the award is not final'] : []),
    ...stages.map((s) => `stage ${s.key} ${s.status === 'pending' ? 'has not started' : 'is over'}`),
  ].join(', ');
  return { allowed: false, messageZh: `红黑榜须在${whenZh}发布：${stateZh}`, messageEn: `a red or black list is published ${whenEn}: ${stateEn}` };
}

export async function rosterEntries(
  db: PrismaClient,
  campaignId: string,
  kind: 'red' | 'black',
  rules: { revocationGrounds: { key: string; name: string }[]; seriousViolations: { key: string; name: string }[] },
): Promise<RosterEntry[]> {
  const titles = await db.title.findMany({
    where: { campaignId, status: kind === 'red' ? 'active' : 'revoked' },
    orderBy: kind === 'red' ? { totalScore: 'desc' } : { endedAt: 'asc' },
  });
  const filed = kind === 'black' ? await db.case.findMany({ where: { campaignId, excludedKind: 'filed' }, orderBy: { updatedAt: 'asc' } }) : [];
  const opIds = [...titles.map((t) => t.operatorId), ...filed.map((x) => x.operatorId)];
  const [ops, js] = await Promise.all([db.operator.findMany({ where: { id: { in: opIds } } }), db.jurisdiction.findMany()]);
  const base = (operatorId: string, jurisdictionId: string, caseId: string) => {
    const o = ops.find((x) => x.id === operatorId);
    return {
      caseId,
      operatorId,
      operatorName: o?.name ?? operatorId,
      uscc: o?.uscc ?? '',
      jurisdictionId,
      jurisdictionName: js.find((j) => j.id === jurisdictionId)?.name ?? jurisdictionId,
      track: o?.track ?? null,
    };
  };
  const filedAudit = kind === 'black' ? await db.auditEvent.findMany({ where: { campaignId, action: 'case.filed' } }) : [];
  return [
    ...titles.map((t) => ({
      ...base(t.operatorId, t.jurisdictionId, t.caseId),
      totalScore: t.totalScore,
      ...(kind === 'red'
        ? { ground: 'title', groundName: `称号有效期至 ${shanghaiDate(t.expiresAt.getTime())}`, since: shanghaiDate(t.grantedAt.getTime()) }
        : {
            ground: t.revokedGround ?? '',
            groundName: `撤销称号：${rules.revocationGrounds.find((g) => g.key === t.revokedGround)?.name ?? t.revokedGround}`,
            since: t.endedAt ? shanghaiDate(t.endedAt.getTime()) : '',
          }),
    })),
    ...filed.map((x) => {
      const violation = (filedAudit.find((a) => a.entityId === x.id)?.data as { violation?: string } | undefined)?.violation;
      return {
        ...base(x.operatorId, x.jurisdictionId, x.id),
        totalScore: x.totalScore,
        ground: violation ?? 'filed',
        groundName: `立案查处：${rules.seriousViolations.find((v) => v.key === violation)?.name ?? ''}`,
        since: shanghaiDate(x.updatedAt.getTime()),
      };
    }),
  ];
}

/**
 * Publishes a red or black list as of now, or says why not: a publication says something new or is not
 * made (the same entries again would only restart its date). `scheduledFor`: the period start a scheduled one was made for.
 */
export async function publishRedOrBlack(
  db: PrismaClient,
  c: { id: string; def: CampaignDefinitionOf<'staged_award'> },
  kind: RedOrBlack,
  actor: Actor,
  opts: { scheduledFor?: number; skipEmptyFirst?: boolean } = {},
): Promise<{ roster: Roster } | { refusal: { zh: string; en: string } }> {
  // JSON as stored (undefined fields dropped), to compare with the current publication.
  const entries = JSON.parse(JSON.stringify(await rosterEntries(db, c.id, kind, c.def.rules))) as RosterEntry[];
  const name = kind === 'red' ? ['红榜', 'red list'] : ['黑榜', 'black list'];
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.roster.findFirst({ where: { campaignId: c.id, kind }, orderBy: { seq: 'desc' } });
      if (current && isDeepStrictEqual(current.entries, entries))
        return {
          refusal: {
            zh: `与现行${name[0]}（第 ${current.seq} 期，${shanghaiDate(current.publishedAt.getTime())} 发布）内容相同，无需重新发布`,
            en: `identical to the current ${name[1]} (no. ${current.seq}, published ${shanghaiDate(current.publishedAt.getTime())}): nothing new to publish`,
          },
        };
      if (!current && !entries.length && opts.skipEmptyFirst) return { refusal: { zh: `${name[0]}暂无名单`, en: `the ${name[1]} has no entry yet` } };
      const seq = (current?.seq ?? 0) + 1;
      const id = `${c.id}:${kind}:${seq}`;
      const now = new Date();
      const roster = await tx.roster.create({
        data: { id, campaignId: c.id, kind, seq, publishedAt: now, publishedById: actor.userId, entries: entries as unknown as Prisma.InputJsonValue },
      });
      await appendAudit(
        tx,
        {
          key: `roster:${id}:published`,
          actor,
          action: 'roster.published',
          entityType: 'roster',
          entityId: id,
          campaignId: c.id,
          clause: c.def.rules.clauses.rosters,
          // A scheduled publication names the period start it was made for.
          data: { kind, entries: entries.length, ...(opts.scheduledFor ? { scheduled: true, scheduledFor: new Date(opts.scheduledFor).toISOString() } : {}) },
        },
        now,
      );
      return { roster };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002')
      return { refusal: { zh: '同时有另一份名单在发布，请重试', en: 'another publication of this list happened at the same moment; try again' } };
    throw e;
  }
}

export function rosterScheduleActivities(db: PrismaClient) {
  return {
    /**
     * A period of the campaign's schedule has begun: its red and black lists, if the programme allows them
     * now and they have changed. `finished`: the campaign is over and no title is in force, so nothing will.
     */
    async publishScheduledRosters({ campaignId, at }: { campaignId: string; at: number }): Promise<{ published: string[]; finished: boolean }> {
      const row = await db.campaign.findUnique({ where: { id: campaignId } });
      if (!row) return { published: [], finished: true };
      const def = withKind(row.definition as unknown as CampaignDefinition) as CampaignDefinition;
      if (def.kind !== 'staged_award') return { published: [], finished: true };
      const c = { id: row.id, programme: row.programme, def: def as CampaignDefinitionOf<'staged_award'> };
      const published: string[] = [];
      if ((await rosterPublishing(db, c)).allowed)
        for (const kind of ['red', 'black'] as const) {
          const r = await publishRedOrBlack(db, c, kind, SYSTEM_ACTOR, { scheduledFor: at, skipEmptyFirst: true });
          if ('roster' in r) published.push(r.roster.id);
        }
      const inForce = await db.title.count({ where: { campaignId, status: 'active' } });
      return { published, finished: row.status === 'completed' && inForce === 0 };
    },
  };
}
