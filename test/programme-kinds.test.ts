// Programme kinds (README "Programme kinds: one folder's example"): each kind takes its own settings and
// nothing borrowed from another, stored definitions from before kinds were explicit are told their kind,
// and every kind has a module with the same parts. No services: domain code only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineCampaign, withKind, type CampaignDefinition } from '../domain/campaign-definition.js';
import { BUILT_IN, PROGRAMME_KINDS, type Programme } from '../domain/programmes/index.js';
import { KINDS, anySettingsInput, carryOverSettings } from '../domain/programmes/kinds/index.js';
import { programmeFromSpec } from '../domain/programmes/defined.js';
import { scoreThresholdOf } from '../domain/score-threshold.js';
import { shanghaiSpec } from './helpers-programmes.js';

const shanghai = programmeFromSpec(shanghaiSpec('shanghai_base') as never, 1);
const launch = (p: Programme, settings?: unknown) => defineCampaign(p, { year: 2031, jurisdictionId: '330522', settings: settings as never });

/** The campaign definition a history's first event started the campaign with. */
function historyDefinition(file: string): CampaignDefinition {
  const h = JSON.parse(readFileSync(new URL(`./histories/${file}`, import.meta.url), 'utf8')) as {
    events: { workflowExecutionStartedEventAttributes: { input: { payloads: { data: string }[] } } }[];
  };
  const input = JSON.parse(Buffer.from(h.events[0]!.workflowExecutionStartedEventAttributes.input.payloads[0]!.data, 'base64').toString('utf8')) as {
    definition: CampaignDefinition;
  };
  return input.definition;
}

describe('programme kinds', () => {
  it('has a module with every part for each kind', () => {
    for (const kind of PROGRAMME_KINDS) {
      const m = KINDS[kind];
      expect(Object.keys(m).sort(), kind).toEqual(expect.arrayContaining(['carryOver', 'checkSettings', 'rulesOf', 'scoreThreshold', 'settingsInput']));
    }
    expect(Object.keys(KINDS).sort()).toEqual([...PROGRAMME_KINDS].sort());
  });

  it('gives each campaign its own kind’s rules and settings only', () => {
    const cases: [Programme, string, string[], string[]][] = [
      [BUILT_IN.changxing, 'staged_award', ['awardThreshold', 'weights', 'titleValidity'], ['criterionPoints', 'listThreshold', 'scoringPeriod']],
      [
        BUILT_IN.zhoushan,
        'application',
        ['criterionPoints', 'preReviewPeriod', 'listThreshold', 'listQuota'],
        ['awardThreshold', 'weights', 'titleValidity', 'scoringPeriod'],
      ],
      [
        BUILT_IN.lijiang,
        'register',
        ['scoringPeriod', 'scoreWeights', 'filingPeriod', 'verificationDays'],
        ['awardThreshold', 'weights', 'titleValidity', 'criterionPoints'],
      ],
      [shanghai, 'defined', ['listThreshold'], ['awardThreshold', 'weights', 'titleValidity', 'criterionPoints', 'scoringPeriod']],
    ];
    for (const [p, kind, has, hasNot] of cases) {
      const { definition, problems } = launch(p);
      expect(problems, p.id).toEqual([]);
      expect(definition!.kind, p.id).toBe(kind);
      expect(definition!.rules.kind, p.id).toBe(kind);
      for (const k of has) expect(definition!.settings, `${p.id} has ${k}`).toHaveProperty(k);
      for (const k of hasNot) expect(definition!.settings, `${p.id} has no ${k}`).not.toHaveProperty(k);
    }
    // A staged award's rules only where they belong.
    expect(launch(BUILT_IN.zhoushan).definition!.rules).not.toHaveProperty('revocationGrounds');
    expect(launch(BUILT_IN.changxing).definition!.rules).toHaveProperty('revocationGrounds');
  });

  it('refuses another kind’s setting, naming it in both languages', () => {
    const { problems } = launch(BUILT_IN.zhoushan, { awardThreshold: 70, listQuota: 5 });
    expect(problems).toEqual([
      {
        path: 'settings.awardThreshold',
        messageZh: '本项目没有设置项「awardThreshold」',
        messageEn: '"awardThreshold" is not a setting of this programme (application)',
      },
    ]);
    expect(launch(BUILT_IN.changxing, { criterionPoints: { lawful: 10 } }).problems.map((p) => p.path)).toEqual(['settings.criterionPoints']);
    // The kind's own rules across fields still hold, with the field's path.
    expect(launch(BUILT_IN.zhoushan, { criterionPoints: { lawful: 20 } }).problems.map((p) => p.path)).toEqual(['settings.criterionPoints']);
    expect(launch(BUILT_IN.lijiang, { scoreWeights: { rating: 90 } }).problems.map((p) => p.path)).toEqual(['settings.scoreWeights']);
  });

  it('takes each kind’s settings back as next year’s launch settings (the successor proposal)', () => {
    for (const p of [BUILT_IN.changxing, BUILT_IN.zhoushan, BUILT_IN.lijiang, shanghai]) {
      const { definition } = launch(p);
      const carried = carryOverSettings(p.kind, definition!.settings);
      // The launch body's schema accepts it, and so does the kind's own check.
      expect(anySettingsInput().safeParse(carried).success, p.id).toBe(true);
      expect(launch(p, carried).problems, p.id).toEqual([]);
      expect(launch(p, carried).definition!.settings, p.id).toEqual(definition!.settings);
    }
  });

  it('tells the kind of definitions stored before kinds were explicit, from their rules', () => {
    const stored: [string, string][] = [
      ['campaign.json', 'staged_award'],
      ['zhoushan-campaign.json', 'application'],
      ['lijiang-campaign.json', 'register'],
    ];
    for (const [file, kind] of stored) {
      const raw = historyDefinition(file);
      expect((raw as { kind?: string }).kind, file).toBeUndefined();
      const def = withKind(raw);
      expect([def.kind, def.rules.kind], file).toEqual([kind, kind]);
    }
  });

  it('splits the scores at each kind’s own threshold', () => {
    // A Zhoushan campaign stored before kinds carries Changxing's awardThreshold (60) beside its list threshold (80).
    const zhoushan = historyDefinition('zhoushan-campaign.json');
    expect(scoreThresholdOf(zhoushan.rules, zhoushan.settings)).toEqual({
      kind: 'list',
      value: (zhoushan.settings as { listThreshold: number }).listThreshold,
    });
    expect(scoreThresholdOf(launch(BUILT_IN.changxing).definition!.rules, launch(BUILT_IN.changxing).definition!.settings)).toEqual({
      kind: 'award',
      value: 85,
    });
    expect(scoreThresholdOf(launch(BUILT_IN.lijiang).definition!.rules, launch(BUILT_IN.lijiang).definition!.settings)).toBeNull();
    expect(scoreThresholdOf(launch(shanghai).definition!.rules, launch(shanghai).definition!.settings)?.kind).toBe('roster');
  });
});
