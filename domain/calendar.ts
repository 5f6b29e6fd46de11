// The stage calendar of a running campaign: what extending one stage does to the stages after it
// (README "Extending a stage"). Pure, so the campaign workflow's validator, the API's preview and the
// tests all decide with the same rules.
//
// - A stage's deadline may only move later, by a year at most, and only while the stage has not closed.
// - Stages never overlap (domain/campaign-definition.ts: a stage opens when the previous one has closed).
//   When the new deadline reaches the next stage's start, that stage moves (start and deadline) by the
//   whole extension, and so on down the calendar: every later stage keeps its length and the gaps between
//   them. A gap at least as long as the extension absorbs it, and nothing after the gap moves.
// - A date a notice fixes (a public call's closing date, 丽江公告「申报时间为2023年8月23日至2025年8月23日」) is
//   pinned on the programme's stage: an extension that would move it is refused with the latest
//   deadline that leaves it where it is.
import { shanghaiDateTime } from './time.js';

/** Dates of a stage that a notice fixes: no extension of an earlier stage may move them. */
export interface StagePin {
  start?: boolean;
  due?: boolean;
  /** The notice and clause that fix the date, cited in the refusal. */
  clause: string;
}

export type CalendarStageStatus = 'pending' | 'open' | 'closed';

export interface CalendarStage {
  key: string;
  name: string;
  nameEn: string;
  status: CalendarStageStatus;
  startsAt: number;
  dueAt: number;
  pinned?: StagePin;
}

/** One stage of the calendar before and after an extension. */
export interface StageShift {
  key: string;
  name: string;
  nameEn: string;
  status: CalendarStageStatus;
  from: { startsAt: number; dueAt: number };
  to: { startsAt: number; dueAt: number };
  /** The extended stage itself, or a later one moved by it. */
  moved: boolean;
}

export interface ExtensionPlan {
  stageKey: string;
  previousDueAt: number;
  dueAt: number;
  /** How far every later stage that moves moves (the extension itself). */
  shiftMs: number;
  /** The whole calendar, in order, before and after. */
  calendar: StageShift[];
}

export interface ExtensionRefusal {
  kind: 'invalid' | 'conflict' | 'not_found';
  messageZh: string;
  messageEn: string;
  /** For a pinned date: the latest deadline the stage may still be given (its current one if none later). */
  latestDueAt?: number;
}

export type ExtensionResult = { ok: true; plan: ExtensionPlan } | { ok: false; refusal: ExtensionRefusal };

const DAY_MS = 86_400_000;
/**
 * The most one extension may move a deadline. A campaign is one annual run of its programme (DOMAIN.md
 * "Campaign"): a stage pushed past a year would run into next year's campaign.
 */
export const MAX_EXTENSION_MS = 366 * DAY_MS;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A deadline as people write it: the date alone when it is the end of that day (Asia/Shanghai), else date and time. */
export function deadlineText(ms: number): string {
  const endOfDay = (ms + 1 + SHANGHAI_OFFSET_MS) % DAY_MS === 0;
  return endOfDay ? shanghaiDateTime(ms).slice(0, 10) : shanghaiDateTime(ms);
}

const refuse = (kind: ExtensionRefusal['kind'], messageZh: string, messageEn: string, latestDueAt?: number): ExtensionResult => ({
  ok: false,
  refusal: { kind, messageZh, messageEn, ...(latestDueAt === undefined ? {} : { latestDueAt }) },
});

const pinnedWhat = (pin: StagePin) =>
  pin.start && pin.due ? ['开始和截止日期', 'start and deadline'] : pin.start ? ['开始日期', 'start'] : ['截止日期', 'deadline'];

/** Extends `stageKey` to `dueAt` on `stages` (in calendar order), or says why not. */
export function planExtension(stages: readonly CalendarStage[], stageKey: string, dueAt: number): ExtensionResult {
  const i = stages.findIndex((s) => s.key === stageKey);
  const s = stages[i];
  if (!s) return refuse('not_found', `没有阶段「${stageKey}」`, `no stage "${stageKey}" in this campaign`);
  if (s.status === 'closed') return refuse('conflict', `「${s.name}」阶段已结束，不能延期`, `"${s.nameEn}" is already closed and can no longer be extended`);
  if (!Number.isFinite(dueAt) || !(dueAt > s.dueAt))
    return refuse(
      'invalid',
      `新的截止时间须晚于「${s.name}」当前的截止时间（${deadlineText(s.dueAt)}）`,
      `the new deadline must be later than the current one of "${s.nameEn}" (${deadlineText(s.dueAt)})`,
    );
  if (dueAt - s.dueAt > MAX_EXTENSION_MS)
    return refuse(
      'invalid',
      `「${s.name}」一次最多延期一年：最晚可延至 ${deadlineText(s.dueAt + MAX_EXTENSION_MS)}`,
      `"${s.nameEn}" can be extended by a year at most: to ${deadlineText(s.dueAt + MAX_EXTENSION_MS)} at the latest`,
      s.dueAt + MAX_EXTENSION_MS,
    );
  if (s.pinned?.due)
    return refuse(
      'invalid',
      `「${s.name}」的截止日期由${s.pinned.clause}确定，不能延期：最晚截止时间即当前的 ${deadlineText(s.dueAt)}`,
      `the deadline of "${s.nameEn}" is fixed by ${s.pinned.clause} and cannot be extended: the latest deadline allowed is its current one, ${deadlineText(s.dueAt)}`,
      s.dueAt,
    );

  const shiftMs = dueAt - s.dueAt;
  const moves = new Set<number>();
  // The longest gap between consecutive stages so far: an extension shorter than it stops there.
  let widestGap = 0;
  for (let j = i + 1; j < stages.length; j++) {
    const prev = stages[j - 1]!;
    const next = stages[j]!;
    const prevDue = j - 1 === i ? dueAt : prev.dueAt + shiftMs;
    if (prevDue < next.startsAt) break; // the gap absorbs what is left of the extension
    widestGap = Math.max(widestGap, next.startsAt - prev.dueAt);
    if (next.pinned) {
      // Every extension that reaches this stage moves it; the longest one that stops short of it is the latest allowed.
      const latest = Math.max(s.dueAt, s.dueAt + widestGap - 1);
      const [whatZh, whatEn] = pinnedWhat(next.pinned);
      const head = `「${next.name}」的${whatZh}由${next.pinned.clause}确定，不能顺延`;
      const headEn = `the ${whatEn} of "${next.nameEn}" is fixed by ${next.pinned.clause} and cannot move`;
      return latest > s.dueAt
        ? refuse(
            'invalid',
            `「${s.name}」最晚只能延至 ${deadlineText(latest)}：${head}`,
            `"${s.nameEn}" can be extended to ${deadlineText(latest)} at the latest: ${headEn}`,
            latest,
          )
        : refuse(
            'invalid',
            `「${s.name}」不能延期（最晚截止时间即当前的 ${deadlineText(s.dueAt)}）：${head}`,
            `"${s.nameEn}" cannot be extended (the latest deadline allowed is its current one, ${deadlineText(s.dueAt)}): ${headEn}`,
            s.dueAt,
          );
    }
    // Stages run one after another, so a later stage has not started while this one is still open.
    if (next.status !== 'pending') return refuse('conflict', `「${next.name}」阶段已开始，不能顺延`, `"${next.nameEn}" has already started and cannot move`);
    moves.add(j);
  }

  const calendar = stages.map((x, j): StageShift => {
    const from = { startsAt: x.startsAt, dueAt: x.dueAt };
    const to = j === i ? { startsAt: x.startsAt, dueAt } : moves.has(j) ? { startsAt: x.startsAt + shiftMs, dueAt: x.dueAt + shiftMs } : from;
    return { key: x.key, name: x.name, nameEn: x.nameEn, status: x.status, from, to, moved: j === i || moves.has(j) };
  });
  return { ok: true, plan: { stageKey, previousDueAt: s.dueAt, dueAt, shiftMs, calendar } };
}
