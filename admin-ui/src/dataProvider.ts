import type { ImportFile } from './common/csv';
import type { DataProvider, GetListParams, GetListResult, Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './httpClient';
import type {
  CreditImportResult,
  CreditListing,
  InspectionDrawView,
  EvaluationCandidate,
  EvaluationGroup,
  EvaluationGroupBody,
  EvaluationGroups,
  ScoreImport,
  ApplicationCounts,
  ApplicationForm,
  AwardStatus,
  CampaignProgress,
  CampaignSummaryReport,
  CompleteTaskBody,
  EnrolmentBody,
  EnrolmentResult,
  Attachment,
  IntakeApplicationForm,
  IntakeApplicationResult,
  IntakeWorkbookRead,
  Register,
  IntakeBatch,
  Listing,
  Objection,
  OperatorImportResult,
  OperatorKinds,
  Programme,
  ProgrammeSpec,
  ProgrammeVersion,
  RegisterMetric,
  RegisterMetricsBody,
  RegisterScoring,
  Roster,
  ScoringRun,
  Stage,
  Successor,
  Task,
  Title,
} from './types';

export interface AppDataProvider extends DataProvider {
  programmes(): Promise<Programme[]>;
  campaignProgress(id: Identifier): Promise<CampaignProgress>;
  /** `closing`: answered 202, the campaign is still closing the stage (api/README.md). */
  closeStage(campaignId: Identifier, key: string, reason: string): Promise<Stage & { closing?: boolean }>;
  extendStage(campaignId: Identifier, key: string, dueAt: string, reason: string): Promise<Stage>;
  claimTask(id: Identifier): Promise<Task>;
  completeTask(id: Identifier, body: CompleteTaskBody): Promise<Task>;
  enrolCases(campaignId: Identifier, body: EnrolmentBody): Promise<EnrolmentResult>;
  importCases(campaignId: Identifier, file: ImportFile): Promise<EnrolmentResult>;
  successor(campaignId: Identifier): Promise<Successor>;
  award(campaignId: Identifier): Promise<AwardStatus>;
  publishPublicity(campaignId: Identifier, days: number): Promise<Roster>;
  republishPublicity(campaignId: Identifier, body: { reason: string; days: number }): Promise<Roster>;
  lodgeObjection(campaignId: Identifier, body: { caseId: string; source: string; content: string }): Promise<Objection>;
  resolveObjection(id: Identifier, body: { decision: 'upheld' | 'dismissed'; resolution: string }): Promise<Objection>;
  finalizeAward(campaignId: Identifier): Promise<{ titles: number }>;
  publishRoster(campaignId: Identifier, kind: 'red' | 'black'): Promise<Roster>;
  // Evaluation groups (changxing 四、（四）) and a third party's imported scores
  evaluationGroups(campaignId: Identifier): Promise<EvaluationGroups>;
  evaluationCandidates(campaignId: Identifier): Promise<EvaluationCandidate[]>;
  saveEvaluationGroup(campaignId: Identifier, body: EvaluationGroupBody, groupId?: string): Promise<EvaluationGroup>;
  dissolveEvaluationGroup(campaignId: Identifier, groupId: string): Promise<void>;
  importScores(campaignId: Identifier, groupId: string, file: ImportFile): Promise<ScoreImport>;
  scoreImports(campaignId: Identifier): Promise<ScoreImport[]>;
  // Credit lists (README "Credit lists")
  importCreditList(list: 'abnormal' | 'dishonest', file: ImportFile): Promise<CreditImportResult>;
  creditListings(operatorId: Identifier): Promise<CreditListing[]>;
  // 双随机 inspections
  inspectionDraw(campaignId: Identifier): Promise<InspectionDrawView>;
  drawInspections(campaignId: Identifier, seed?: string): Promise<InspectionDrawView>;
  campaignSummary(campaignId: Identifier): Promise<CampaignSummaryReport>;
  revokeTitle(id: Identifier, body: { ground: string; evidence: string; attachmentIds?: string[] }): Promise<Title>;
  reportComplaint(id: Identifier, body: { kind: 'complaint' | 'public_opinion'; description: string }): Promise<Task>;
  // Operator register (调查摸底)
  operatorKinds(): Promise<OperatorKinds>;
  importOperators(file: ImportFile): Promise<OperatorImportResult>;
  // Application programmes (zhoushan)
  applicationCounts(campaignId: Identifier): Promise<ApplicationCounts>;
  fileApplication(campaignId: Identifier, body: { operatorId: string; form: ApplicationForm }): Promise<{ caseId: string }>;
  confirmCultivationList(campaignId: Identifier, body: { threshold?: number; quota?: number }): Promise<Roster>;
  nominateListing(id: Identifier): Promise<Listing>;
  answerNomination(id: Identifier, body: { accepted: boolean; note: string }): Promise<Listing>;
  removeListing(id: Identifier, body: { reason: string }): Promise<Listing>;
  recordListingFinding(id: Identifier, body: { description: string; serious: boolean }): Promise<Listing>;
  // Lijiang registers (丽江产品库 / 达人库)
  uploadAttachment(body: { filename: string; contentType: string; dataBase64: string }): Promise<Attachment>;
  fileIntakeApplication(campaignId: Identifier, body: { operatorId: string; form: IntakeApplicationForm }): Promise<IntakeApplicationResult>;
  readIntakeWorkbook(register: Register, xlsx: string): Promise<IntakeWorkbookRead>;
  recordRegisterMetrics(entryId: Identifier, body: RegisterMetricsBody): Promise<RegisterMetric>;
  openIntakeBatch(campaignId: Identifier, body: { reviewDueAt: string }): Promise<IntakeBatch>;
  registerScoring(campaignId: Identifier): Promise<RegisterScoring>;
  setRegisterScoringPeriod(campaignId: Identifier, period: string): Promise<RegisterScoring>;
  runRegisterScoring(campaignId: Identifier): Promise<ScoringRun>;
  // Programmes defined as data
  confirmDefinedRoster(campaignId: Identifier, body: { threshold?: number; quota?: number }): Promise<Roster>;
  programmeVersions(id: Identifier): Promise<ProgrammeVersion[]>;
  createProgramme(spec: ProgrammeSpec): Promise<unknown>;
  updateProgramme(id: Identifier, spec: ProgrammeSpec): Promise<unknown>;
}

const segment = (id: Identifier | string) => encodeURIComponent(String(id));

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;

const post = async <T>(path: string, body: unknown = {}): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

const put = async <T>(path: string, body: unknown = {}): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'PUT', body: JSON.stringify(body) })).json as T;

/**
 * A list the API did not count answers Content-Range …/* and X-Total-Exceeds: N (api/list.ts
 * LIST_TOTAL_CAP). ra-data-simple-rest reads that total as NaN and hands on the rows it got, so the
 * bound is noted against those rows here and read back by `uncounted`.
 */
const exceeds = new WeakMap<object, number>();
const rest = simpleRestProvider(API_URL, async (url, options) => {
  const r = await httpClient(url, options);
  const over = Number(r.headers.get('x-total-exceeds'));
  if (r.headers.get('content-range')?.endsWith('/*') && over > 0 && typeof r.json === 'object' && r.json) exceeds.set(r.json as object, over);
  return r;
});

/**
 * The two registers of Lijiang (特色直播优质产品库, 新媒体达人库) are two menu entries over one API
 * resource: `product-register` and `influencer-register` list GET /api/register-entries with the
 * register as a fixed filter.
 */
export const REGISTER_RESOURCES: Record<string, 'product' | 'influencer'> = {
  'product-register': 'product',
  'influencer-register': 'influencer',
};

/**
 * Lists that live under a campaign rather than at the top level: `candidates` is
 * GET /api/campaigns/:id/candidates, with the campaign id passed as `meta.campaignId`.
 */
const nestedListPath = (resource: string, params: GetListParams): string | undefined =>
  resource === 'candidates' && params.meta?.campaignId != null ? `campaigns/${segment(params.meta.campaignId)}/candidates` : undefined;

/**
 * A list whose total the API did not count: react-admin's partial pagination, forward and back without a
 * total, and `meta.totalExceeds` (the API's bound) for the counts beside the list ("10000+").
 */
const uncounted = <R extends GetListResult>(r: R, params: Pick<GetListParams, 'pagination'>): R => {
  if (Number.isFinite(r.total)) return r;
  // ra-data-simple-rest's own defaults when no pagination is given.
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 10 };
  const bound = exceeds.get(r.data) ?? 0;
  return {
    ...r,
    total: undefined,
    // A full page may have more after it; and more than `bound` rows match, so pages within it do.
    pageInfo: { hasPreviousPage: page > 1, hasNextPage: r.data.length >= perPage || page * perPage < bound },
    meta: { totalExceeds: bound || undefined },
  };
};

/** "N" for a counted list, "M+" for one the API did not count beyond M; undefined while unknown. */
export const countLabel = (total: number | undefined, meta: { totalExceeds?: number } | undefined): string | undefined =>
  total != null ? String(total) : meta?.totalExceeds ? `${meta.totalExceeds}+` : undefined;

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: async (resource, params) => {
    const register = REGISTER_RESOURCES[resource];
    if (register) {
      return uncounted(await rest.getList('register-entries', { ...params, filter: { ...params.filter, register } }), params);
    }
    return uncounted(await rest.getList(nestedListPath(resource, params) ?? resource, params), params);
  },
  // A case's or title's tasks (ReferenceManyField) come this way: the same reading of an uncounted total.
  getManyReference: async (resource, params) => uncounted(await rest.getManyReference(resource, params), params),
  getOne: (resource, params) => rest.getOne(REGISTER_RESOURCES[resource] ? 'register-entries' : resource, params),
  // ra-data-simple-rest sends no range with getMany, and the API pages every list (25 rows by
  // default), so ask for as many rows as ids: otherwise references past the 25th stay blank.
  getMany: async (resource, params) => {
    if (REGISTER_RESOURCES[resource]) resource = 'register-entries';
    const query = new URLSearchParams({
      filter: JSON.stringify({ id: params.ids }),
      range: JSON.stringify([0, Math.max(params.ids.length - 1, 0)]),
    });
    const { json } = await httpClient(`${API_URL}/${resource}?${query}`, { signal: params.signal });
    return { data: json };
  },
  programmes: () => get<Programme[]>('/programmes'),
  campaignProgress: (id) => get<CampaignProgress>(`/campaigns/${segment(id)}/progress`),
  closeStage: (campaignId, key, reason) => post<Stage & { closing?: boolean }>(`/campaigns/${segment(campaignId)}/stages/${segment(key)}/close`, { reason }),
  extendStage: (campaignId, key, dueAt, reason) =>
    post<Stage>(`/campaigns/${segment(campaignId)}/stages/${segment(key)}/extend`, {
      dueAt,
      reason,
    }),
  claimTask: (id) => post<Task>(`/tasks/${segment(id)}/claim`),
  completeTask: (id, body) => post<Task>(`/tasks/${segment(id)}/complete`, body),
  enrolCases: (campaignId, body) => post<EnrolmentResult>(`/campaigns/${segment(campaignId)}/cases`, body),
  importCases: (campaignId, file) => post<EnrolmentResult>(`/campaigns/${segment(campaignId)}/cases/import`, file),
  successor: (campaignId) => get<Successor>(`/campaigns/${segment(campaignId)}/successor`),
  award: (campaignId) => get<AwardStatus>(`/campaigns/${segment(campaignId)}/award`),
  publishPublicity: (campaignId, days) => post<Roster>(`/campaigns/${segment(campaignId)}/publicity`, { days }),
  republishPublicity: (campaignId, body) => post<Roster>(`/campaigns/${segment(campaignId)}/publicity/republish`, body),
  lodgeObjection: (campaignId, body) => post<Objection>(`/campaigns/${segment(campaignId)}/objections`, body),
  resolveObjection: (id, body) => post<Objection>(`/objections/${segment(id)}/resolve`, body),
  finalizeAward: (campaignId) => post<{ titles: number }>(`/campaigns/${segment(campaignId)}/award`),
  publishRoster: (campaignId, kind) => post<Roster>(`/campaigns/${segment(campaignId)}/rosters`, { kind }),
  evaluationGroups: (campaignId) => get<EvaluationGroups>(`/campaigns/${segment(campaignId)}/evaluation-groups`),
  evaluationCandidates: (campaignId) => get<EvaluationCandidate[]>(`/campaigns/${segment(campaignId)}/evaluation-groups/candidates`),
  saveEvaluationGroup: (campaignId, body, groupId) =>
    groupId
      ? put<EvaluationGroup>(`/campaigns/${segment(campaignId)}/evaluation-groups/${segment(groupId)}`, body)
      : post<EvaluationGroup>(`/campaigns/${segment(campaignId)}/evaluation-groups`, body),
  dissolveEvaluationGroup: async (campaignId, groupId) => {
    await httpClient(`${API_URL}/campaigns/${segment(campaignId)}/evaluation-groups/${segment(groupId)}`, { method: 'DELETE' });
  },
  importScores: (campaignId, groupId, file) => post<ScoreImport>(`/campaigns/${segment(campaignId)}/evaluation-groups/${segment(groupId)}/scores`, file),
  scoreImports: (campaignId) => get<ScoreImport[]>(`/campaigns/${segment(campaignId)}/score-imports`),
  importCreditList: (list, file) => post<CreditImportResult>(`/credit-lists/import?list=${list}`, file),
  creditListings: (operatorId) => get<CreditListing[]>(`/operators/${segment(operatorId)}/credit-listings`),
  inspectionDraw: (campaignId) => get<InspectionDrawView>(`/campaigns/${segment(campaignId)}/inspection-draw`),
  drawInspections: (campaignId, seed) => post<InspectionDrawView>(`/campaigns/${segment(campaignId)}/inspection-draw`, seed ? { seed } : {}),
  campaignSummary: (campaignId) => get<CampaignSummaryReport>(`/campaigns/${segment(campaignId)}/summary`),
  revokeTitle: (id, body) => post<Title>(`/titles/${segment(id)}/revoke`, body),
  reportComplaint: (id, body) => post<Task>(`/titles/${segment(id)}/complaints`, body),
  operatorKinds: () => get<OperatorKinds>('/operator-kinds'),
  importOperators: (file) => post<OperatorImportResult>('/operators/import', file),
  applicationCounts: (campaignId) => get<ApplicationCounts>(`/campaigns/${segment(campaignId)}/application-counts`),
  fileApplication: (campaignId, body) => post<{ caseId: string }>(`/campaigns/${segment(campaignId)}/applications`, body),
  confirmCultivationList: (campaignId, body) => post<Roster>(`/campaigns/${segment(campaignId)}/cultivation-list`, body),
  nominateListing: (id) => post<Listing>(`/listings/${segment(id)}/nominate`),
  answerNomination: (id, body) => post<Listing>(`/listings/${segment(id)}/province-answer`, body),
  removeListing: (id, body) => post<Listing>(`/listings/${segment(id)}/remove`, body),
  recordListingFinding: (id, body) => post<Listing>(`/listings/${segment(id)}/findings`, body),
  uploadAttachment: (body) => post<Attachment>('/attachments', body),
  fileIntakeApplication: (campaignId, body) => post<IntakeApplicationResult>(`/campaigns/${segment(campaignId)}/intake-applications`, body),
  readIntakeWorkbook: (register, xlsx) => post<IntakeWorkbookRead>('/intake-forms/read', { register, xlsx }),
  recordRegisterMetrics: (entryId, body) => post<RegisterMetric>(`/register-entries/${segment(entryId)}/metrics`, body),
  openIntakeBatch: (campaignId, body) => post<IntakeBatch>(`/campaigns/${segment(campaignId)}/intake-batches`, body),
  registerScoring: (campaignId) => get<RegisterScoring>(`/campaigns/${segment(campaignId)}/register-scoring`),
  setRegisterScoringPeriod: (campaignId, period) => put<RegisterScoring>(`/campaigns/${segment(campaignId)}/register-scoring`, { period }),
  runRegisterScoring: (campaignId) => post<ScoringRun>(`/campaigns/${segment(campaignId)}/register-scoring/run`),
  confirmDefinedRoster: (campaignId, body) => post<Roster>(`/campaigns/${segment(campaignId)}/roster`, body),
  programmeVersions: (id) => get<ProgrammeVersion[]>(`/programmes/${segment(id)}/versions`),
  createProgramme: (spec) => post('/programmes', spec),
  updateProgramme: (id, spec) => put(`/programmes/${segment(id)}`, spec),
};
