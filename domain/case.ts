// A Case is one operator enrolled in one campaign (DOMAIN.md "Case"): its id and its track.
import type { Named } from './programmes/index.js';

export const caseIdOf = (campaignId: string, operatorId: string) => `${campaignId}:${operatorId}`;

/**
 * The track a case runs in: the one asked for, or else the operator's registered one, by key or by
 * name. `undefined` when the programme has tracks and neither matches; `null` when it has none (a
 * programme defined as data enrols without tracks).
 */
export function trackKeyOf(tracks: Named[], asked: string | null | undefined, registered: string | null): string | null | undefined {
  if (tracks.length === 0) return null;
  const track = asked?.trim() || registered || undefined;
  return tracks.some((t) => t.key === track) ? track : tracks.find((t) => t.name === track)?.key;
}
