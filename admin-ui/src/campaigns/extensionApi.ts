// POST /api/campaigns/:id/stages/:key/extension-preview (api/README.md "Extending a stage"): the
// calendar an extension would give, before the coordinator confirms it. Refused as the extension
// itself would be (a pinned date: the latest deadline allowed, in the message).
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../httpClient';
import type { Bilingual, StageStatus } from '../types';

export interface StageShiftPreview extends Bilingual {
  key: string;
  status: StageStatus;
  from: { startsAt: string; dueAt: string };
  to: { startsAt: string; dueAt: string };
  /** The extended stage, or a later one it moves. */
  moved: boolean;
  /** Open tasks due with this stage, whose deadline moves with it. */
  openTasks: number;
}

export interface ExtensionPreview {
  stageKey: string;
  previousDueAt: string;
  dueAt: string;
  /** How far the later stages move, in ms (0 when none does). */
  shiftMs: number;
  stages: StageShiftPreview[];
}

const segment = (value: Identifier) => encodeURIComponent(String(value));

export const previewExtension = async (campaignId: Identifier, key: string, dueAt: string, signal?: AbortSignal): Promise<ExtensionPreview> =>
  (
    await httpClient(`${API_URL}/campaigns/${segment(campaignId)}/stages/${segment(key)}/extension-preview`, {
      method: 'POST',
      body: JSON.stringify({ dueAt }),
      signal,
    })
  ).json as ExtensionPreview;
