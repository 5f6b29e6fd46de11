import type { DataProvider, Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './httpClient';
import type { CampaignProgress, CompleteTaskBody, Programme, Stage, Task } from './types';

export interface AppDataProvider extends DataProvider {
    programmes(): Promise<Programme[]>;
    campaignProgress(id: Identifier): Promise<CampaignProgress>;
    closeStage(campaignId: Identifier, key: string, reason: string): Promise<Stage>;
    extendStage(campaignId: Identifier, key: string, dueAt: string, reason: string): Promise<Stage>;
    claimTask(id: Identifier): Promise<Task>;
    completeTask(id: Identifier, body: CompleteTaskBody): Promise<Task>;
}

const segment = (id: Identifier | string) => encodeURIComponent(String(id));

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;

const post = async <T>(path: string, body: unknown = {}): Promise<T> =>
    (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const dataProvider: AppDataProvider = {
    ...simpleRestProvider(API_URL, httpClient),
    // ra-data-simple-rest sends no range with getMany, and the API pages every list (25 rows by
    // default), so ask for as many rows as ids: otherwise references past the 25th stay blank.
    getMany: async (resource, params) => {
        const query = new URLSearchParams({
            filter: JSON.stringify({ id: params.ids }),
            range: JSON.stringify([0, Math.max(params.ids.length - 1, 0)]),
        });
        const { json } = await httpClient(`${API_URL}/${resource}?${query}`, { signal: params.signal });
        return { data: json };
    },
    programmes: () => get<Programme[]>('/programmes'),
    campaignProgress: id => get<CampaignProgress>(`/campaigns/${segment(id)}/progress`),
    closeStage: (campaignId, key, reason) =>
        post<Stage>(`/campaigns/${segment(campaignId)}/stages/${segment(key)}/close`, { reason }),
    extendStage: (campaignId, key, dueAt, reason) =>
        post<Stage>(`/campaigns/${segment(campaignId)}/stages/${segment(key)}/extend`, {
            dueAt,
            reason,
        }),
    claimTask: id => post<Task>(`/tasks/${segment(id)}/claim`),
    completeTask: (id, body) => post<Task>(`/tasks/${segment(id)}/complete`, body),
};
