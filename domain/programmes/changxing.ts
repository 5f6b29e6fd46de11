import type { StagedAwardProgramme } from './types.js';

// 长兴放心电商, seeds/changxing-trusted-ecommerce.txt. The 2024 calendar of 四、实施步骤 is the default; a
// coordinator sets the dates of each year's campaign.
const dims = { department: '部门评价', third_party: '第三方监测', industry: '行业评议', consumer: '消费者评议', social: '社会评议' };
const scoreTask = (dimension: keyof typeof dims, titleEn: string) => ({
  type: 'score',
  dimension,
  title: `${dims[dimension]}打分`,
  titleEn,
  assigneeRole: 'auditor' as const,
});
const defaultWeights = { department: 40, third_party: 30, industry: 10, consumer: 10, social: 10 };

export const changxing: StagedAwardProgramme = {
  kind: 'staged_award',
  id: 'changxing',
  name: '长兴放心电商',
  nameEn: 'Changxing Trusted E-commerce',
  stages: [
    // (一) 动员部署阶段 06-01..06-30: survey, plan, enrolment.
    { key: 'mobilization', name: '动员部署', nameEn: 'Mobilization', defaultStart: '06-01', defaultDue: '06-30', caseTasks: [] },
    // (二) 自查自纠阶段 07-01..07-31: 经营主体…进行全面自查 — the operator's own task, done in the portal
    // (staff may act for an operator without an account); the station reviews it.
    {
      key: 'self_check',
      name: '自查自纠',
      nameEn: 'Self-check',
      defaultStart: '07-01',
      defaultDue: '07-31',
      caseTasks: [{ type: 'self_check', title: '自查自纠', titleEn: 'Self-check', assigneeRole: 'operator' }],
    },
    // (三) 集中治理阶段 08-01..09-30: 检查、抽检、督查 by the county's officers.
    {
      key: 'rectification',
      name: '集中治理',
      nameEn: 'Centralized rectification',
      defaultStart: '08-01',
      defaultDue: '09-30',
      caseTasks: [{ type: 'inspection', title: '检查', titleEn: 'Inspection', assigneeRole: 'county_officer' }],
    },
    // (四) 评价公示阶段 10-01..11-30: 五个考评组 score; the list is published for public scrutiny.
    {
      key: 'evaluation',
      name: '评价公示',
      nameEn: 'Evaluation and publicity',
      defaultStart: '10-01',
      defaultDue: '11-30',
      caseTasks: [
        scoreTask('department', 'Department evaluation'),
        scoreTask('third_party', 'Third-party monitoring'),
        scoreTask('industry', 'Industry review'),
        scoreTask('consumer', 'Consumer review'),
        scoreTask('social', 'Social review'),
      ],
    },
    // (五) 总结提升阶段 12-01..12-30.
    { key: 'summary', name: '总结提升', nameEn: 'Summary', defaultStart: '12-01', defaultDue: '12-30', caseTasks: [] },
  ],
  enrolmentStage: 'mobilization',
  // 一、培育对象: 从事直播营销（有固定直播间）和社区团购的经营主体.
  tracks: [
    { key: 'live_marketing', name: '直播营销', nameEn: 'Live-stream marketing (fixed live room)' },
    { key: 'community_group_buying', name: '社区团购', nameEn: 'Community group buying' },
  ],
  // 三、评定管理: 部门监管和第三方监测组成考核分占70%，行业、消费者和社会三项评议占30%.
  scoring: {
    stageKey: 'evaluation',
    groups: [
      {
        key: 'assessment',
        name: '考核分',
        nameEn: 'Assessment',
        share: 70,
        dimensions: [
          { key: 'department', name: dims.department, nameEn: 'Department evaluation' },
          { key: 'third_party', name: dims.third_party, nameEn: 'Third-party monitoring' },
        ],
      },
      {
        key: 'review',
        name: '评议分',
        nameEn: 'Reviews',
        share: 30,
        dimensions: [
          { key: 'industry', name: dims.industry, nameEn: 'Industry review' },
          { key: 'consumer', name: dims.consumer, nameEn: 'Consumer review' },
          { key: 'social', name: dims.social, nameEn: 'Social review' },
        ],
      },
    ],
  },
  // 四、（三）: 对“三无食品”、过期食品、虚假标注、制假售假等严重违法行为进行立案查处.
  seriousViolations: [
    { key: 'unlabelled_food', name: '三无食品', nameEn: 'Food without name, address or producer (三无)' },
    { key: 'expired_food', name: '过期食品', nameEn: 'Expired food' },
    { key: 'false_labelling', name: '虚假标注', nameEn: 'False labelling' },
    { key: 'counterfeit', name: '制假售假', nameEn: 'Counterfeit goods' },
  ],
  // 三、评定管理: 被授予称号期间，发生下列情形之一的，取消称号 (1–6).
  revocationGrounds: [
    { key: 'banned_content', name: '发布涉政、涉恐、涉黄等违禁内容', nameEn: 'Published banned content (political, terror, pornographic)' },
    { key: 'prohibited_goods', name: '销售违禁品及管制物品', nameEn: 'Sold prohibited or controlled goods' },
    { key: 'health_hazard', name: '食品药品等领域危害生命健康安全', nameEn: 'Endangered life or health (food, drugs)' },
    { key: 'counterfeit_or_fake_orders', name: '销售假冒伪劣产品或刷单炒信', nameEn: 'Counterfeit goods or fake orders/reviews' },
    { key: 'harm_vulnerable', name: '危害未成年人或损害残疾人、老年人权益', nameEn: 'Harmed minors, the disabled or the elderly' },
    { key: 'listed_dishonest', name: '被列入经营异常名录或严重违法失信名单', nameEn: 'Listed as abnormal or seriously dishonest' },
  ],
  clauses: {
    enrolment: '长兴方案 一、培育对象；四、（一）动员部署阶段',
    selfCheck: '长兴方案 四、（二）自查自纠阶段',
    rectification: '长兴方案 四、（三）集中治理阶段（约谈、行政指导，限期整改）',
    filing: '长兴方案 四、（三）集中治理阶段（严重违法行为立案查处）',
    scoring: '长兴方案 三、评定管理（五个维度，考核分70%、评议30%）',
    publicity: '长兴方案 四、（四）评价公示阶段（向社会公示，接受社会监督）',
    award: '长兴方案 三、评定管理（85分以上授予称号，有效期一年）',
    revocation: '长兴方案 三、评定管理（取消称号情形 1–6）',
    complaint: '长兴方案 四、工作要求（二）（投诉、负面舆情：行政约谈并限期整改）',
    rosters: '长兴方案 四、工作要求（三）（红黑榜，定期公示）',
    deadline: '长兴方案 四、实施步骤（各阶段时限）',
  },
  // 四、工作要求（三）: 建立红黑榜机制，并定期予以公示 — published once the titles are granted (三、评定管理), or
  // while the 总结提升 stage (四、（五）) takes stock of the year.
  rosters: { afterAward: true, duringStages: ['summary'] },
  defaults: {
    reminderLeadHours: 72,
    settings: {
      // 三、评定管理: 分别制定直播经营和社区团购考评细则 — each track its own weights.
      weights: { live_marketing: { ...defaultWeights }, community_group_buying: { ...defaultWeights } },
      awardThreshold: 85,
      titleValidity: 'P1Y',
      publicityDays: 7,
      maxRectificationRounds: 2,
      verificationDays: 7,
      // 四、（四）: 部门评价、第三方监测和行业、消费者、社会评议 are five groups' work, not one person's.
      multiDimensionScorers: false,
      // 四、（三）集中治理 inspects every case unless a campaign sets random inspections.
      randomInspection: null,
      // 四、工作要求（三）定期公示: each campaign sets its period (e.g. quarterly); on demand until it does.
      rosterPeriodMonths: null,
    },
  },
};
