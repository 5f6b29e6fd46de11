export const ROLES = ['coordinator', 'county_officer', 'auditor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a decision: kept with every audit entry (DOMAIN.md: "made by a named user in a role"). */
export interface Actor {
  userId: string | null; // null for the system itself (timers, escalations)
  role: Role | 'system';
  displayName: string;
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
