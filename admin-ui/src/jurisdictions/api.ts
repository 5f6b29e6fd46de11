import type { ImportFile } from '../common/csv';
// The admin's calls of api/resources/jurisdictions.ts beyond plain records: the CSV import of a tree.
import { API_URL, httpClient } from '../httpClient';
import type { Jurisdiction } from '../types';

export const LEVELS = ['province', 'city', 'county', 'station'] as const;
export type Level = (typeof LEVELS)[number];

/** The level a jurisdiction under `parent` usually has (a station under a county…). */
export const childLevel = (parent?: Pick<Jurisdiction, 'level'>): Level | undefined => {
  const i = parent ? LEVELS.indexOf(parent.level as Level) : -1;
  return i >= 0 && i < LEVELS.length - 1 ? LEVELS[i + 1] : undefined;
};

/** The header the API reads (Chinese names; English ones work too). */
export const JURISDICTION_CSV_HEADER = ['代码', '名称', '上级代码', '级别'];

/** POST /api/jurisdictions/import: all lines or none. */
export const importJurisdictions = async (file: ImportFile): Promise<{ created: number }> =>
  (await httpClient(`${API_URL}/jurisdictions/import`, { method: 'POST', body: JSON.stringify(file) })).json as {
    created: number;
  };
