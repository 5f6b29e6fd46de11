// GET /api/search?q= (api/README.md "Resources"): operators and cases in the user's scope, at most 10
// of each.
import { API_URL, httpClient } from '../httpClient';

export interface OperatorHit {
  id: string;
  name: string;
  uscc: string;
  kind: string;
  jurisdictionId: string;
  matched: 'name' | 'uscc' | 'account';
  /** "抖音:xxx" when the match was a platform account */
  account: string | null;
}

export interface CaseHit {
  id: string;
  campaignId: string;
  campaignName: string;
  year: number;
  operatorId: string;
  operatorName: string;
  uscc: string;
  jurisdictionId: string;
  status: string;
  currentStep: string | null;
}

export interface SearchResult {
  q: string;
  operators: OperatorHit[];
  cases: CaseHit[];
}

/** The API takes 2–100 characters. */
export const MIN_QUERY = 2;
export const MAX_QUERY = 100;

export const search = async (q: string, signal?: AbortSignal): Promise<SearchResult> =>
  (await httpClient(`${API_URL}/search?${new URLSearchParams({ q })}`, { signal })).json as SearchResult;
