// CultivationWorkflow: a live room on the city cultivation list (市级培育库, zhoushan 六、（四）), alive
// until it is removed (七、（三）: 情节严重的移出培育库). The city nominates it to the provincial list and
// records the province's answer whenever it comes (no deadline the city controls); monitoring findings
// are recorded; a serious one, or the city's decision, removes it — withdrawing a pending nomination.
import { ApplicationFailure, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ApplicationRules } from '../domain/programmes/index.js';
import type { Actor } from '../domain/roles.js';
import {
  REJECT,
  listingProgressQuery,
  nominateUpdate,
  provinceAnswerUpdate,
  recordFindingUpdate,
  removeListingUpdate,
  type ListingProgress,
} from './messages.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

export interface CultivationInput {
  listingId: string;
  clauses: ApplicationRules['clauses'];
  /** Carried over continue-as-new. */
  state?: Pick<ListingProgress, 'nomination' | 'findings'>;
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function CultivationWorkflow(input: CultivationInput): Promise<ListingProgress> {
  const cl = input.clauses;
  const id = input.listingId;
  const p: ListingProgress = { listingId: id, status: 'listed', nomination: input.state?.nomination ?? 'none', findings: input.state?.findings ?? 0 };
  let removal: { reason: string; actor: Actor } | undefined;
  let busy = 0;
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });
  const listedOnly = () => {
    if (p.status !== 'listed' || removal) throw reject(REJECT.conflict, '已移出培育库 / the room has been removed from the list');
  };
  const event = async (
    key: string,
    action: string,
    actor: Actor,
    clause: string,
    extra: Omit<Parameters<typeof acts.recordListingEvent>[0], 'key' | 'listingId' | 'action' | 'actor' | 'clause'>,
  ) => {
    busy++;
    try {
      await acts.recordListingEvent({ key, listingId: id, action, actor, clause, ...extra });
    } finally {
      busy--;
    }
  };
  setHandler(listingProgressQuery, () => p);

  setHandler(
    nominateUpdate,
    async ({ actor }) => {
      p.nomination = 'pending';
      await event(`listing:${id}:nominated`, 'listing.nominated', actor, cl.nomination, { patch: { nomination: 'pending', nominatedAt: Date.now() } });
      return p;
    },
    {
      validator: (_i: { actor: Actor }) => {
        listedOnly();
        if (p.nomination !== 'none') throw reject(REJECT.conflict, `已推荐（${p.nomination}） / already nominated (${p.nomination})`);
      },
    },
  );

  setHandler(
    provinceAnswerUpdate,
    async ({ accepted, note, actor }) => {
      p.nomination = accepted ? 'accepted' : 'declined';
      await event(`listing:${id}:province`, accepted ? 'listing.province_accepted' : 'listing.province_declined', actor, cl.nomination, {
        reason: note,
        patch: { nomination: p.nomination, provinceAnsweredAt: Date.now(), provinceNote: note },
      });
      return p;
    },
    {
      validator: ({ note }) => {
        if (p.nomination !== 'pending')
          throw reject(REJECT.conflict, `没有待省局答复的推荐（${p.nomination}） / no nomination awaiting the province (${p.nomination})`);
        if (!note.trim()) throw reject(REJECT.invalid, '须记录省局答复内容 / record what the province said');
      },
    },
  );

  setHandler(
    recordFindingUpdate,
    async ({ description, serious, actor }) => {
      const n = ++p.findings;
      if (serious) removal = { reason: `严重违法：${description}`, actor };
      await event(`listing:${id}:finding:${n}`, serious ? 'listing.serious_finding' : 'listing.finding', actor, cl.monitoring, {
        reason: description,
        data: { serious, n },
        patch: { finding: true },
      });
      return p;
    },
    {
      validator: ({ description }) => {
        listedOnly();
        if (!description.trim()) throw reject(REJECT.invalid, '须填写监测发现 / describe the finding');
      },
    },
  );

  setHandler(
    removeListingUpdate,
    async ({ reason, actor }) => {
      removal = { reason, actor };
      await condition(() => p.status === 'removed');
      return p;
    },
    {
      validator: ({ reason }) => {
        listedOnly();
        if (!reason.trim()) throw reject(REJECT.invalid, '须说明移出理由 / a reason is required');
      },
    },
  );

  await condition(() => removal !== undefined || workflowInfo().continueAsNewSuggested);
  if (!removal) {
    // A room stays listed for years: start afresh with its state before the history grows large.
    await condition(() => busy === 0);
    await continueAsNew<typeof CultivationWorkflow>({ ...input, state: { nomination: p.nomination, findings: p.findings } });
  }
  await condition(() => busy === 0);
  const withdrawn = p.nomination === 'pending';
  if (withdrawn) p.nomination = 'withdrawn';
  await acts.recordListingEvent({
    key: `listing:${id}:removed`,
    listingId: id,
    action: 'listing.removed',
    actor: removal!.actor,
    clause: cl.removal,
    reason: removal!.reason,
    data: { nominationWithdrawn: withdrawn },
    patch: { removed: true, ...(withdrawn ? { nomination: 'withdrawn' } : {}) },
  });
  p.status = 'removed';
  return p;
}
