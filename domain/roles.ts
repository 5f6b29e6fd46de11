export const ROLES = ['coordinator', 'county_officer', 'auditor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a decision: kept with every audit entry (DOMAIN.md: "made by a named user in a role"). */
export interface Actor {
  userId: string | null; // null for the system itself (timers, escalations)
  role: Role | 'system';
  displayName: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', displayName: '系统 / system' };
