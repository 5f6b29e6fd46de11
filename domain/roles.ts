/** Staff roles: the bureau's own users, administered in the console. */
export const ROLES = ['coordinator', 'county_officer', 'auditor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/**
 * An operator's own account (DOMAIN.md "Operator"): opened by an officer's invitation, signs in with its
 * 统一社会信用代码 and reaches only the routes that name this role (api/routes.ts), for its own cases.
 */
export const OPERATOR_ROLE = 'operator' as const;
/** Whoever signs in: a member of staff or an operator. */
export type AccountRole = Role | typeof OPERATOR_ROLE;

/** Who made a decision: kept with every audit entry (DOMAIN.md: "made by a named user in a role"). */
export interface Actor {
  userId: string | null; // null for the system itself (timers, escalations)
  /** 'public': anyone, without an account (an objection during a 公示 window, README "Public pages and objections"). */
  role: AccountRole | 'system' | 'public';
  displayName: string;
  /** Staff acting for an operator that has no account, or does not act itself (the audit says for whom). */
  onBehalfOf?: { operatorId: string; operatorName: string };
  /** An evaluation group's decision entered for it (a third party's imported scores, changxing 四、（四）第三方监测). */
  forGroup?: { groupId: string; groupName: string; importId?: string };
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', displayName: '系统 / system' };

/** Role names as bureaus write them (the console's labels, and what a user import accepts). */
export const ROLE_NAMES: Record<Role, { zh: string; en: string; aliases: string[] }> = {
  coordinator: { zh: '统筹协调', en: 'coordinator', aliases: ['统筹', '协调员'] },
  county_officer: { zh: '县区执法人员', en: 'officer', aliases: ['执法人员', '执法员', '县区执法', 'county officer'] },
  auditor: { zh: '审核员', en: 'auditor', aliases: ['评审员'] },
  leader: { zh: '分管领导', en: 'leader', aliases: ['领导'] },
  admin: { zh: '管理员', en: 'administrator', aliases: ['系统管理员'] },
};

/** A role from its key or any of its names, or undefined. */
export function roleFromText(text: string): Role | undefined {
  const t = text.trim().toLowerCase();
  return ROLES.find((r) => r === t || ROLE_NAMES[r].zh === t || ROLE_NAMES[r].en === t || ROLE_NAMES[r].aliases.includes(t));
}

/** A username: 3–40 lower-case letters, digits, dots, underscores or hyphens (demo: `officer.zhicheng`). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
