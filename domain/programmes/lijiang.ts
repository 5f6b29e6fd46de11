import type { RegisterProgramme } from './types.js';

// 丽江市“特色直播优质产品”及“新媒体达人”入库, seeds/lijiang-database-intake.txt (丽江市新媒体综合运营服务
// 管理中心, 2023-08-23). Two registers; applications from 2023-08-23 to 2025-08-23 (two years), reviewed in
// batches (分批次审核入库). The office (办公室, 设在丽江新媒体协会) reviews and confirms removal; the centre
// (网信办) takes the filing (备案). Roles: the office's staff are auditors, the centre's are coordinators.
export const lijiang: RegisterProgramme = {
  kind: 'register',
  id: 'lijiang',
  name: '丽江市特色直播优质产品及新媒体达人入库',
  nameEn: 'Lijiang featured products and influencers registers',
  stages: [
    // The public call fixes the window (申报时间为2023年8月23日至2025年8月23日) and applicants rely on it: the
    // window is not extended like a working stage (domain/calendar.ts, pins).
    {
      key: 'intake',
      name: '申报入库',
      nameEn: 'Application window',
      defaultStart: '08-23',
      defaultDue: '08-23',
      dueYearOffset: 2,
      caseTasks: [],
      pinned: { start: true, due: true, clause: '丽江公告（申报时间为2023年8月23日至2025年8月23日）' },
    },
  ],
  enrolmentStage: 'intake',
  clauses: {
    enrolment: '丽江公告（申报时间为2023年8月23日至2025年8月23日，分批次进行审核入库）',
    deadline: '丽江公告（分批次进行审核入库）',
  },
  intake: {
    windowStage: 'intake',
    taskStageKey: 'register',
    registers: [
      { key: 'product', name: '特色直播优质产品', nameEn: 'Featured live-stream products' },
      { key: 'influencer', name: '新媒体达人', nameEn: 'New-media influencers' },
    ],
    roles: { review: 'auditor', filing: 'coordinator', removal: 'auditor', batch: ['auditor', 'coordinator'] },
    clauses: {
      window: '丽江公告（申报时间为2023年8月23日至2025年8月23日）',
      product: '丽江附件1 一、至三、（第1–14条）',
      influencer: '丽江附件2 一、入库标准（第1–4条）',
      priority: '丽江附件1 第4、12条；附件2 第5–7条（优先入库）',
      review: '丽江附件1 第18条；附件2 第9条（办公室审核，符合申报条件的予以入库）',
      filing: '丽江附件1 第18条；附件2 第9条（提交中心备案）',
      scoring: '丽江附件1 第15条（动态评分）',
      removal: '丽江附件1 第16条（低于平均水平、投诉率高、违法违规的，及时予以清退）',
    },
  },
  defaults: {
    reminderLeadHours: 72,
    settings: {
      verificationDays: 7,
      // The notice names the inputs (platform scores, complaints, regulator data) but not their weights.
      scoringPeriod: 'P1M',
      scoreWeights: { rating: 60, complaints: 25, findings: 15 },
      complaintRateLimit: 5,
      belowAverageMargin: 10,
      priorityFollowers: 10_000,
      filingPeriod: 'P15D',
    },
  },
};
