// Next year's campaign (GET /api/campaigns/:id/successor) of every programme kind is a body
// POST /api/campaigns accepts as it is (api/README.md "Resources", campaigns): Changxing's staged award,
// Zhoushan's applications and list, Lijiang's registers and a programme defined as data; launched now, or
// stored before kinds were explicit (definitions carrying every kind's settings, as in test/histories).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { startHarness, uniqueYear, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { shanghaiSpec } from './helpers-programmes.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
const token = async (u: string) => (tokens[u] ??= await api.login(u));
const launched: string[] = [];
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
});
afterAll(async () => {
  for (const id of launched)
    await h?.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => {});
  // Not running any more: other files' dashboards need not see them.
  await h?.db.campaign.updateMany({ where: { id: { in: launched } }, data: { status: 'completed' } });
  await api?.close();
  await h?.stop();
});

const post = async (user: string, path: string, body?: unknown) => api.call('POST', path, { token: await token(user), body });
type Settings = Record<string, unknown>;
const settingsOf = async (id: string) => ((await h.db.campaign.findUniqueOrThrow({ where: { id } })).definition as { settings: Settings }).settings;

/** Two years in a row from the run's sequence: the proposal asks for the year after the first. */
async function consecutiveYears(): Promise<number> {
  for (;;) {
    const a = await uniqueYear(h.db);
    if ((await uniqueYear(h.db)) === a + 1) return a;
  }
}

/** POSTs campaign `id`'s successor proposal unchanged: 201, next year, last year's settings. */
async function launchProposal(coordinator: string, id: string) {
  const proposal = await api.call('GET', `/campaigns/${encodeURIComponent(id)}/successor`, { token: await token(coordinator) });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
  const next = await post(coordinator, '/campaigns', proposal.body.launch);
  expect(next.status, `${JSON.stringify(proposal.body.launch)} → ${JSON.stringify(next.body)}`).toBe(201);
  launched.push(next.body.id);
  const first = await h.db.campaign.findUniqueOrThrow({ where: { id } });
  expect(next.body).toMatchObject({ programme: first.programme, year: first.year + 1, jurisdictionId: first.jurisdictionId });
  return settingsOf(next.body.id);
}

/** Launches `body` for a year whose successor year is free, then its successor as proposed. */
async function roundTrip(coordinator: string, body: Record<string, unknown>) {
  const first = await post(coordinator, '/campaigns', { ...body, year: await consecutiveYears() });
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  launched.push(first.body.id);
  const next = await launchProposal(coordinator, first.body.id);
  // Last year's settings are next year's, a cleared list limit included.
  expect(next).toEqual(await settingsOf(first.body.id));
  return next;
}

/** The definition a committed history's CampaignWorkflow was started with (stored before kinds were explicit). */
function storedDefinition(history: string): { programme: string; settings: Settings; rules: object } {
  const events = JSON.parse(readFileSync(new URL(`./histories/${history}.json`, import.meta.url), 'utf8')).events;
  const payload = events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
  return JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')).definition;
}

describe('next year’s campaign, proposed and launched as proposed', () => {
  it('Changxing (staged award)', async () => {
    await roundTrip('coord.changxing', { programme: 'changxing', jurisdictionId: '330522', operatorIds: ['op-cx-001'], settings: { awardThreshold: 88 } });
  });

  it('Zhoushan (applications and the list): a list by threshold alone stays so', async () => {
    const next = await roundTrip('coord.zhoushan', { programme: 'zhoushan', jurisdictionId: '330900', settings: { listThreshold: 75, listQuota: null } });
    expect(next.listQuota).toBeUndefined();
  });

  it('Lijiang (registers), with the registers’ own settings', async () => {
    const next = await roundTrip('coord.lijiang', { programme: 'lijiang', jurisdictionId: '530700' });
    expect(next).toMatchObject({ scoringPeriod: 'P1M', scoreWeights: { rating: 60, complaints: 25, findings: 15 }, filingPeriod: 'P15D' });
  });

  it('a programme defined as data', async () => {
    const id = `succ_${Date.now()}`;
    const defined = await post('coord.zhoushan', '/programmes', shanghaiSpec(id));
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    await roundTrip('coord.zhoushan', { programme: id, jurisdictionId: '330900', operatorIds: ['op-zs-001'], settings: { listThreshold: 70 } });
  });

  // Campaigns running today were launched before kinds were explicit: their settings hold every kind's
  // (a Lijiang campaign's weights and award threshold). Their proposals carry their own kind's only.
  const otherKinds = ['weights', 'awardThreshold', 'titleValidity', 'publicityDays'];
  for (const [history, coordinator, launchedById, foreign] of [
    ['campaign', 'coord.changxing', 'u-coord-changxing', []],
    ['zhoushan-campaign', 'coord.zhoushan', 'u-coord-zhoushan', otherKinds],
    ['lijiang-campaign', 'coord.lijiang', 'u-coord-lijiang', otherKinds],
  ] as const) {
    it(`a campaign stored before kinds were explicit (test/histories/${history}.json)`, async () => {
      const stored = storedDefinition(history);
      expect(stored).not.toHaveProperty('kind');
      const year = await consecutiveYears();
      const jurisdictionId = (stored as { jurisdictionId?: string }).jurisdictionId!;
      // Its rules and settings as stored; a calendar of whole days (the history's is compressed into seconds).
      const fresh = defineCampaign(PROGRAMMES[stored.programme]!, { year, jurisdictionId }).definition!;
      const id = fresh.campaignId;
      const definition = { ...stored, campaignId: id, year, name: fresh.name, stages: fresh.stages };
      await h.db.campaign.create({
        data: {
          id,
          programme: stored.programme,
          name: fresh.name,
          year,
          jurisdictionId,
          status: 'completed',
          definition: definition as object,
          workflowId: `wf-${id}`,
          launchedById,
          launchedAt: new Date(),
        },
      });
      const next = await launchProposal(coordinator, id);
      // Every setting of its own kind carried unchanged, and none of another kind's.
      for (const k of foreign) expect(stored.settings, k).toHaveProperty(k);
      expect(Object.keys(next).filter((k) => (foreign as readonly string[]).includes(k))).toEqual([]);
      expect(Object.keys(next).length).toBeGreaterThan(3);
      // A setting added since it was stored comes from the programme's defaults.
      const defaults = PROGRAMMES[stored.programme]!.defaults.settings as Record<string, unknown>;
      for (const [k, v] of Object.entries(next)) expect(v, k).toEqual(k in stored.settings ? stored.settings[k] : defaults[k]);
    });
  }
});
