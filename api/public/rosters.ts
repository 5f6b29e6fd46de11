// Public pages (README "Public pages and objections (公示与异议)"): every published list, read without
// signing in. Changxing 四、（四）: the award list 向社会进行公示，接受社会监督; 四、工作要求（三）: the 红黑榜
// 定期予以公示; Zhoushan 四、（四）: the city's 培育名单; Lijiang 附件1 第18条 / 附件2 第9条: the entries admitted
// and filed with the centre (入库并备案) make up each register's 入库名单.
//
// Only what a paper notice prints goes out: the list's issuing bureau, dates and objection contact, and for
// each entry its position (序号, the public reference an objection names), the operator's name and
// 统一社会信用代码, its place and track (and a red or black list's ground). Never an internal id, a score,
// anyone's account or an unpublished decision. Scores stay in: none of the notices publishes them (the
// lists are 名单, "who", not "how many points"). The 统一社会信用代码 is printed in full: it is itself public
// (企业信息公示暂行条例 第六条: registration information is published through 国家企业信用信息公示系统, the code
// being part of it), and it is what tells two operators of one name apart when objecting.
import { Router } from 'express';
import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client.js';
import type { PrismaClient } from '../../prisma/db.js';
import type { RosterEntry } from '../../activities/award.js';
import { withKind, type CampaignDefinition } from '../../domain/campaign-definition.js';
import { PROGRAMMES, type StagedAwardProgramme } from '../../domain/programmes/index.js';
import { tracksOfRules } from '../../domain/programmes/kinds/index.js';
import { appendAudit } from '../../activities/audit.js';
import { loadCampaign, requireRunner } from '../campaign-access.js';
import { notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { actorOf } from '../scope.js';

export const PUBLIC_KINDS = ['publicity', 'award', 'red', 'black', 'cultivation', 'list', 'admission', 'inspection'] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];
type Bilingual = { zh: string; en: string };

export const KIND_NAMES: Record<Exclude<PublicKind, 'list' | 'admission'>, Bilingual> = {
  publicity: { zh: '公示名单', en: 'publicity list' },
  award: { zh: '授予名单', en: 'award list' },
  red: { zh: '红榜', en: 'red list' },
  black: { zh: '黑榜', en: 'black list' },
  cultivation: { zh: '培育名单', en: 'cultivation list' },
  // 双随机、一公开: the cases drawn for inspection (README "Random inspections"); the inspectors are not named here.
  inspection: { zh: '双随机抽查名单', en: 'random inspection list' },
};

const listQuery = z
  .object({
    kind: z.enum(PUBLIC_KINDS).optional(),
    year: z.coerce.number().int().min(2000).max(9999).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    perPage: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

const contactBody = z.object({ publicContact: z.string().trim().max(500).nullable() }).strict();

/** Lijiang's 入库名单 is no stored publication: it is each register's entries filed with the centre, as of now. */
const ADMISSION = /^(.+):admission:(product|influencer)$/;
export const admissionRosterId = (campaignId: string, register: string) => `${campaignId}:admission:${register}`;

type CampaignRow = {
  id: string;
  name: string;
  year: number;
  programme: string;
  jurisdictionId: string;
  status: string;
  publicContact: string | null;
  definition: unknown;
};

export interface PublicRosterSummary {
  id: string;
  kind: PublicKind;
  /** The list's own name (公示名单, 红榜, a register's 入库名单…). */
  listName: Bilingual;
  campaignName: string;
  year: number;
  /** The issuing bureau: the campaign's jurisdiction. */
  bureau: string;
  publishedAt: Date;
  /** A 公示's window: objections are taken until then. */
  windowEndsAt: Date | null;
  objectionsOpen: boolean;
  /** A newer list of the same kind has been published since. */
  superseded: boolean;
  entryCount: number;
}

export interface PublicEntry {
  /** 序号: the entry's position on the list, which an objection names. */
  ref: number;
  operatorName: string;
  uscc: string;
  place: string;
  track: Bilingual | null;
  /** A 入库名单's product or influencer name. */
  name?: string;
  /** A red or black list's ground, and since when. */
  ground?: string;
  since?: string;
}

const definitionOf = (c: CampaignRow) => withKind(c.definition as CampaignDefinition) as CampaignDefinition;

function listNameOf(kind: PublicKind, c: CampaignRow, register?: string): Bilingual {
  if (kind === 'admission') {
    const d = definitionOf(c);
    const named = d.kind === 'register' ? d.rules.intake.registers.find((r) => r.key === register) : undefined;
    return { zh: `${named?.name ?? register}入库名单`, en: `${named?.nameEn ?? register} register` };
  }
  if (kind === 'list') {
    const d = definitionOf(c);
    const name = d.kind === 'defined' ? d.rules.defined.roster.name : undefined;
    return { zh: name ?? '名单', en: name ?? 'list' };
  }
  return KIND_NAMES[kind];
}

/** The notice clause the list is published under, printed under its title. */
function basisOf(kind: PublicKind, c: CampaignRow): string | null {
  const d = definitionOf(c);
  if (d.kind === 'staged_award')
    return kind === 'publicity'
      ? d.rules.clauses.publicity
      : kind === 'award'
        ? d.rules.clauses.award
        : kind === 'inspection'
          ? d.rules.clauses.rectification
          : (d.rules.clauses.rosters ?? null);
  if (d.kind === 'application') return d.rules.application.clauses.listing;
  if (d.kind === 'register') return d.rules.intake.clauses.filing;
  if (d.kind === 'defined') return d.rules.defined.clause ?? null;
  return null;
}

function trackOf(c: CampaignRow, key: string | null): Bilingual | null {
  if (!key) return null;
  const d = definitionOf(c);
  const tracks = [...tracksOfRules(d.rules), ...((PROGRAMMES.changxing as StagedAwardProgramme).tracks ?? [])];
  const t = tracks.find((x) => x.key === key);
  return t ? { zh: t.name, en: t.nameEn } : null;
}

/** The objection contact printed on the list: the campaign's, or a default naming the bureau. */
export function contactOf(c: { publicContact: string | null }, bureau: string, publicity: boolean): Bilingual {
  if (c.publicContact) return { zh: c.publicContact, en: c.publicContact };
  return publicity
    ? {
        zh: `对名单有异议的，请在公示期内通过本页在线提出，或书面向${bureau}反映。`,
        en: `To object to an entry, use this page during the publicity period, or write to ${bureau}.`,
      }
    : { zh: `对名单有疑问或反映问题的，请联系${bureau}。`, en: `For questions about this list, contact ${bureau}.` };
}

export const windowOpen = (x: { kind: string; windowEndsAt: Date | null }, c: { status: string }, now = Date.now()) =>
  x.kind === 'publicity' && c.status === 'running' && !!x.windowEndsAt && now < x.windowEndsAt.getTime();

export function rostersRouter(db: PrismaClient): Router {
  const r = Router();

  const bureaus = async (ids: string[]) =>
    new Map((await db.jurisdiction.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })).map((j) => [j.id, j.name]));
  const campaignSelect = {
    id: true,
    name: true,
    year: true,
    programme: true,
    jurisdictionId: true,
    status: true,
    publicContact: true,
    definition: true,
  } as const;

  /** Every public list of the campaigns matching `where`, newest first, without their entries. */
  async function summaries(where: Prisma.CampaignWhereInput, kind?: PublicKind): Promise<PublicRosterSummary[]> {
    // The publications first, then only their campaigns (a campaign's definition is large).
    const scope = Object.keys(where).length ? { campaignId: { in: (await db.campaign.findMany({ where, select: { id: true } })).map((c) => c.id) } } : {};
    const [rows, latest, filed] = await Promise.all([
      kind === 'admission'
        ? []
        : db.roster.findMany({
            where: { ...scope, ...(kind ? { kind } : {}) },
            select: { id: true, campaignId: true, kind: true, seq: true, publishedAt: true, windowEndsAt: true },
          }),
      db.roster.groupBy({ by: ['campaignId', 'kind'], where: scope, _max: { seq: true } }),
      kind && kind !== 'admission'
        ? []
        : db.registerEntry.groupBy({
            by: ['campaignId', 'register'],
            where: { ...scope, status: 'filed' },
            _count: { _all: true },
            _max: { filedAt: true },
          }),
    ]);
    const ids = [...new Set([...rows.map((x) => x.campaignId), ...filed.map((g) => g.campaignId)])];
    const campaigns = new Map((await db.campaign.findMany({ where: { id: { in: ids } }, select: campaignSelect })).map((c) => [c.id, c as CampaignRow]));
    const names = await bureaus([...campaigns.values()].map((c) => c.jurisdictionId));
    const counts = new Map<string, number>();
    if (rows.length)
      for (const x of await db.$queryRaw<{ id: string; n: number }[]>`
        SELECT id, jsonb_array_length(entries)::int AS n FROM roster WHERE id IN (${Prisma.join(rows.map((x) => x.id))})`)
        counts.set(x.id, x.n);
    const now = Date.now();
    const supersededRoster = (x: { campaignId: string; kind: string; seq: number }) =>
      (latest.find((l) => l.campaignId === x.campaignId && l.kind === x.kind)?._max.seq ?? x.seq) > x.seq;
    const out: PublicRosterSummary[] = rows.map((x) => {
      const c = campaigns.get(x.campaignId)!;
      const superseded = supersededRoster(x);
      return {
        id: x.id,
        kind: x.kind as PublicKind,
        listName: listNameOf(x.kind as PublicKind, c),
        campaignName: c.name,
        year: c.year,
        bureau: names.get(c.jurisdictionId) ?? '',
        publishedAt: x.publishedAt,
        windowEndsAt: x.windowEndsAt,
        // A superseded 公示 takes no more objections (api/public/objections.ts): the newer list does.
        objectionsOpen: !superseded && windowOpen(x, c, now),
        superseded,
        entryCount: counts.get(x.id) ?? 0,
      };
    });
    for (const g of filed) {
      const c = campaigns.get(g.campaignId)!;
      out.push({
        id: admissionRosterId(g.campaignId, g.register),
        kind: 'admission',
        listName: listNameOf('admission', c, g.register),
        campaignName: c.name,
        year: c.year,
        bureau: names.get(c.jurisdictionId) ?? '',
        // As of the latest filing: the list changes with each one.
        publishedAt: g._max.filedAt!,
        windowEndsAt: null,
        objectionsOpen: false,
        superseded: false,
        entryCount: g._count._all,
      });
    }
    return out.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
  }

  route(
    r,
    {
      method: 'get',
      path: '/public/rosters',
      summary:
        'Published lists (公示, award, red and black, cultivation, a defined programme’s list, 入库名单), newest first, without signing in; ?kind=&year=&page=&perPage= (≤ 50)',
      tag: 'public',
      roles: 'public',
    },
    async (req) => {
      const q = parseOr400(listQuery, req.query, 'query');
      const all = await summaries(q.year ? { year: q.year } : {}, q.kind);
      const start = (q.page - 1) * q.perPage;
      return { items: all.slice(start, start + q.perPage), total: all.length, page: q.page, perPage: q.perPage };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/public/rosters/:id',
      summary:
        'One published list: issuing bureau, dates, objection contact, the notice clause and its entries (position, operator, 统一社会信用代码, place, track)',
      tag: 'public',
      roles: 'public',
    },
    async (req) => {
      const id = String(req.params.id);
      const admission = ADMISSION.exec(id);
      const campaignId = admission ? admission[1]! : (await db.roster.findUnique({ where: { id }, select: { campaignId: true } }))?.campaignId;
      const c = campaignId ? ((await db.campaign.findUnique({ where: { id: campaignId }, select: campaignSelect })) as CampaignRow | null) : null;
      const summary = c && (await summaries({ id: c.id }, admission ? 'admission' : undefined)).find((s) => s.id === id);
      if (!c || !summary) throw notFound('名单 list', id);
      return {
        ...summary,
        basis: basisOf(summary.kind, c),
        contact: contactOf(c, summary.bureau, summary.kind === 'publicity'),
        entries: admission
          ? await admissionEntries(db, c, admission[2]!)
          : rosterEntries(c, summary.kind, await db.roster.findUniqueOrThrow({ where: { id } })),
      };
    },
  );

  // The contact printed on the campaign's public pages, set by the coordinators who run it (audited).
  route(
    r,
    {
      method: 'put',
      path: '/campaigns/:id/public-contact',
      summary: 'Set the objection contact printed on the campaign’s public lists (null: a default naming the bureau)',
      tag: 'public',
      roles: ['coordinator'],
      body: contactBody,
    },
    async (req, _res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      requireRunner(me, c);
      const { publicContact } = parseOr400(contactBody, req.body);
      const value = publicContact || null;
      if (value === c.publicContact) return { id: c.id, publicContact: value };
      const now = new Date();
      await db.$transaction(async (tx) => {
        await tx.campaign.update({ where: { id: c.id }, data: { publicContact: value } });
        await appendAudit(
          tx,
          {
            key: `campaign:${c.id}:public-contact:${now.getTime()}`,
            actor: actorOf(me),
            action: 'campaign.public_contact_set',
            entityType: 'campaign',
            entityId: c.id,
            campaignId: c.id,
            jurisdictionId: c.jurisdictionId,
            data: { from: c.publicContact, to: value },
          },
          now,
        );
      });
      return { id: c.id, publicContact: value };
    },
  );
  return r;
}

function rosterEntries(c: CampaignRow, kind: PublicKind, roster: { entries: Prisma.JsonValue }): PublicEntry[] {
  const ground = kind === 'red' || kind === 'black';
  return (roster.entries as unknown as RosterEntry[]).map((e, i) => ({
    ref: i + 1,
    operatorName: e.operatorName,
    uscc: e.uscc,
    place: e.jurisdictionName,
    track: trackOf(c, e.track),
    ...(ground && e.groundName ? { ground: e.groundName } : {}),
    ...(ground && e.since ? { since: e.since } : {}),
  }));
}

async function admissionEntries(db: PrismaClient, c: CampaignRow, register: string): Promise<PublicEntry[]> {
  const rows = await db.registerEntry.findMany({
    where: { campaignId: c.id, register, status: 'filed' },
    orderBy: [{ filedAt: 'asc' }, { id: 'asc' }],
    select: { name: true, operatorId: true, jurisdictionId: true, filingDate: true },
  });
  const [ops, places] = await Promise.all([
    db.operator.findMany({ where: { id: { in: rows.map((x) => x.operatorId) } }, select: { id: true, name: true, uscc: true } }),
    db.jurisdiction.findMany({ where: { id: { in: rows.map((x) => x.jurisdictionId) } }, select: { id: true, name: true } }),
  ]);
  return rows.map((x, i) => {
    const o = ops.find((y) => y.id === x.operatorId);
    return {
      ref: i + 1,
      name: x.name,
      operatorName: o?.name ?? '',
      uscc: o?.uscc ?? '',
      place: places.find((p) => p.id === x.jurisdictionId)?.name ?? '',
      track: null,
      ...(x.filingDate ? { since: x.filingDate.toISOString().slice(0, 10) } : {}),
    };
  });
}
