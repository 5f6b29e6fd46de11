import type { Programme } from './types.js';

// 长兴放心电商, changxing-trusted-ecommerce.txt, 四、实施步骤 (the 2024 calendar: a coordinator sets the
// dates of each year's campaign; these are the defaults). The full stage rules (inspections, scoring,
// publicity, award) are added stage by stage; the foundation runs the self-check task end to end.
export const changxing: Programme = {
  id: 'changxing',
  name: '长兴放心电商',
  nameEn: 'Changxing Trusted E-commerce',
  defaults: { reminderLeadHours: 72 },
  stages: [
    // (一) 动员部署阶段 2024-06-01..06-30: survey, plan, enrolment.
    { key: 'mobilization', name: '动员部署', nameEn: 'Mobilization', defaultStart: '06-01', defaultDue: '06-30', caseTasks: [] },
    // (二) 自查自纠阶段 07-01..07-31: each operator self-checks against the eight areas (附件2 指南).
    {
      key: 'self_check',
      name: '自查自纠',
      nameEn: 'Self-check',
      defaultStart: '07-01',
      defaultDue: '07-31',
      caseTasks: [{ type: 'self_check', title: '自查自纠', titleEn: 'Self-check', assigneeRole: 'county_officer' }],
    },
    // (三) 集中治理阶段 08-01..09-30: inspections, sampling, supervision.
    { key: 'rectification', name: '集中治理', nameEn: 'Centralized rectification', defaultStart: '08-01', defaultDue: '09-30', caseTasks: [] },
    // (四) 评价公示阶段 10-01..11-30: five evaluation groups score; the list is published.
    { key: 'evaluation', name: '评价公示', nameEn: 'Evaluation and publicity', defaultStart: '10-01', defaultDue: '11-30', caseTasks: [] },
    // (五) 总结提升阶段 12-01..12-30.
    { key: 'summary', name: '总结提升', nameEn: 'Summary', defaultStart: '12-01', defaultDue: '12-30', caseTasks: [] },
  ],
};
