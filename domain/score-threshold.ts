import type { SettingsOf, ProgrammeKind } from './programmes/index.js';
import { kindOfRules, scoreThresholdOfKind } from './programmes/kinds/index.js';

/** The score a campaign's totals are judged against, and what passing it means. */
export interface ScoreThreshold {
  /** award: proposed for the title; list: taken onto the cultivation list; roster: onto the defined roster. */
  kind: 'award' | 'list' | 'roster';
  value: number;
}

/**
 * The threshold the dashboard and the summary split a campaign's scores at, by programme kind (each kind's
 * `scoreThreshold` in domain/programmes/kinds/):
 * - staged award (Changxing): the award threshold (长兴方案 三、评定管理: 85分以上授予称号, by default);
 * - application (Zhoushan): the list threshold (舟山方案 六、（四）培育名单确认, 择优), none when the list is chosen by quota alone;
 * - defined: its roster's threshold as launched, none when chosen by quota alone;
 * - register (Lijiang): none. Its registers admit by the office's review, and removal is judged against the
 *   register's average, not a fixed score (丽江附件1 第16条, 第18条).
 * Takes a campaign definition's rules (stored ones from before kinds were explicit too) and its settings.
 */
export function scoreThresholdOf(
  rules: { kind?: ProgrammeKind; application?: unknown; intake?: unknown; defined?: unknown } | undefined,
  settings: SettingsOf<ProgrammeKind>,
): ScoreThreshold | null {
  // A definition without rules (a row seeded by hand) reads as a staged award: one such row must not fail
  // the whole dashboard of everyone who sees it.
  return scoreThresholdOfKind(kindOfRules(rules ?? {}), settings);
}
