import type { Role } from '../roles.js';

/** A task every case gets when a stage opens. */
export interface CaseTaskTemplate {
  type: string; // key into domain/task-forms.ts
  title: string;
  titleEn: string;
  assigneeRole: Role;
}

export interface ProgrammeStage {
  key: string;
  name: string;
  nameEn: string;
  defaultStart: string; // MM-DD in the campaign year
  defaultDue: string; // MM-DD in the campaign year, end of day Asia/Shanghai
  caseTasks: CaseTaskTemplate[];
}

/** The kind of process (DOMAIN.md "Programme"): data, so a campaign is launched from it without new code. */
export interface Programme {
  id: string;
  name: string;
  nameEn: string;
  /** Only operators registered in the launching jurisdiction can be enrolled. */
  stages: ProgrammeStage[];
  defaults: { reminderLeadHours: number };
}
