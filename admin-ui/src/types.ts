// Record shapes of the REST API (see api/README.md). Ids are strings, dates ISO 8601 strings.
import type { RaRecord } from 'react-admin';

export type Role = 'coordinator' | 'county_officer' | 'auditor' | 'leader' | 'admin';

export interface User extends RaRecord<string> {
    username: string;
    displayName: string;
    role: Role;
    jurisdictionId: string;
    jurisdictionName?: string;
    createdAt?: string;
}

export interface Jurisdiction extends RaRecord<string> {
    name: string;
    level: 'city' | 'county' | 'station';
    parentId: string | null;
    path: string;
}

/** A name given in Chinese with an optional English counterpart. */
export interface Bilingual {
    name: string;
    nameEn?: string | null;
}

export interface ProgrammeStage extends Bilingual {
    key: string;
    /** "MM-DD" in the campaign year */
    defaultStart: string;
    defaultDue: string;
}

export interface Programme extends Bilingual {
    id: string;
    stages: ProgrammeStage[];
}

export type StageStatus = 'pending' | 'open' | 'closed';

export interface Stage extends RaRecord<string>, Bilingual {
    campaignId: string;
    key: string;
    seq: number;
    startsAt: string;
    dueAt: string;
    status: StageStatus;
    openedAt: string | null;
    closedAt: string | null;
    closedEarly: boolean;
    reminderSentAt: string | null;
    overdueCount: number;
}

export interface Campaign extends RaRecord<string> {
    programme: string;
    name: string;
    year: number;
    jurisdictionId: string;
    status: 'running' | 'completed';
    currentStage: string | null;
    caseCount: number;
    launchedAt: string;
    completedAt: string | null;
    workflowId: string;
    stages?: Stage[];
}

export interface StageProgress {
    key: string;
    name: string;
    nameEn?: string | null;
    status: StageStatus;
    startsAt?: string;
    dueAt: string;
    done: number;
    open: number;
    overdue: number;
}

export interface CampaignProgress {
    stages: StageProgress[];
    overdueByJurisdiction: { jurisdictionId: string; name: string; overdue: number }[];
}

export interface CampaignStageInput {
    key: string;
    startsAt: string;
    dueAt: string;
}

export interface CampaignBody {
    programme: string;
    year: number;
    jurisdictionId: string;
    name?: string;
    stages?: CampaignStageInput[];
    reminderLeadHours?: number;
}

export interface Case extends RaRecord<string> {
    campaignId: string;
    operatorId: string;
    operatorName: string;
    jurisdictionId: string;
    track: string | null;
    status: 'active' | 'completed';
    currentStep: string | null;
    createdAt: string;
    updatedAt: string;
}

export interface Operator extends RaRecord<string> {
    name: string;
    uscc: string;
    kind: 'enterprise' | 'live_room' | 'influencer';
    jurisdictionId: string;
    registeredOn: string;
    track: 'live_marketing' | 'community_group_buying' | null;
    platformAccounts: unknown;
}

export interface SelfCheckArea extends Bilingual {
    key: string;
}

export type Finding = 'compliant' | 'issue';

export interface SelfCheckAreaResult {
    key: string;
    finding: Finding;
    description?: string;
    fixed?: boolean;
}

export type CompleteTaskBody = { areas: SelfCheckAreaResult[] } | { note: string };

export interface TaskDetails {
    operatorName?: string;
    operatorUscc?: string;
    areas?: SelfCheckArea[];
    [key: string]: unknown;
}

export interface Task extends RaRecord<string> {
    campaignId: string;
    stageKey: string;
    caseId: string | null;
    type: string;
    title: string;
    assigneeRole: Role;
    jurisdictionId: string;
    claimedById: string | null;
    status: 'open' | 'done';
    overdue: boolean;
    dueAt: string;
    createdAt: string;
    completedAt: string | null;
    completedById: string | null;
    result: Record<string, unknown> | null;
    details: TaskDetails | null;
}

export interface AuditEvent extends RaRecord<string> {
    at: string;
    actorId: string | null;
    actorRole: Role | null;
    action: string;
    entityType: string;
    entityId: string;
    campaignId: string | null;
    jurisdictionId: string | null;
    reason: string | null;
    data: unknown;
}

/** Error body of every failing API call. */
export interface ApiErrorBody {
    error: string;
    message: string;
    messageZh?: string;
    messageEn?: string;
    fields?: { path: string; messageZh?: string; messageEn?: string }[];
}
