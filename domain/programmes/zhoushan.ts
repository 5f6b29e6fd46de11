import type { ApplicationProgramme } from './types.js';

// 舟山市“绿色直播间”建设培育, seeds/zhoushan-green-live-room.txt (舟市监发〔2024〕36号, 2024-07-01).
// The notice gives the steps (六、实施步骤) but no dates: the default calendar below is ours, for the
// coordinator to set each year. The 赋分规则指引 (附件1) is not public: the points per criterion are
// sensible defaults summing to 100, editable before launch.
const c = (key: string, name: string, nameEn: string) => ({ key, name, nameEn });

export const zhoushan: ApplicationProgramme = {
  kind: 'application',
  id: 'zhoushan',
  name: '舟山市绿色直播间建设培育',
  nameEn: 'Zhoushan Green Live Room',
  stages: [
    { key: 'survey', name: '调查摸底', nameEn: 'Survey', defaultStart: '07-01', defaultDue: '07-31', caseTasks: [] },
    { key: 'application', name: '组织申报', nameEn: 'Application', defaultStart: '08-01', defaultDue: '09-30', caseTasks: [] },
    { key: 'audit', name: '组织审核', nameEn: 'City audit', defaultStart: '10-01', defaultDue: '10-31', caseTasks: [] },
    { key: 'confirmation', name: '培育名单确认', nameEn: 'List confirmation', defaultStart: '11-01', defaultDue: '11-30', caseTasks: [] },
  ],
  enrolmentStage: 'application',
  clauses: {
    enrolment: '舟山方案 六、（二）组织申报',
    deadline: '舟山方案 六、实施步骤',
  },
  application: {
    applicationStage: 'application',
    auditStage: 'audit',
    confirmationStage: 'confirmation',
    // 四、培育准则: four groups of three.
    rubric: [
      {
        key: 'operator',
        name: '运营者合法合规',
        nameEn: 'Operator compliance',
        criteria: [
          c('lawful', '守法经营', 'Lawful operation'),
          c('managed', '管理规范', 'Orderly management (records kept ≥ 3 years)'),
          c('green', '倡导绿色', 'Green and responsible'),
        ],
      },
      {
        key: 'live_room',
        name: '直播管理规范',
        nameEn: 'Live-room management',
        criteria: [
          c('room', '直播间规范管理', 'Live room managed'),
          c('training', '主播能力培训', 'Streamer training'),
          c('conduct', '主播直播行为', 'Streamer conduct'),
        ],
      },
      {
        key: 'quality',
        name: '商品或服务的品质保障',
        nameEn: 'Goods and service quality',
        criteria: [
          c('goods', '商品或服务质量', 'Quality'),
          c('pricing', '商品或服务标价行为', 'Pricing (no fake “全网最低价”)'),
          c('ip', '知识产权保护', 'Intellectual property'),
        ],
      },
      {
        key: 'consumer',
        name: '消费者合法权益保障',
        nameEn: 'Consumer protection',
        criteria: [
          c('environment', '放心消费环境', 'Safe consumption'),
          c('remedy', '售中补救措施', 'Remedies during sale'),
          c('after_sales', '售后服务水平', 'After-sales service'),
        ],
      },
    ],
    // 四、（一）1 不存在主动违法行为; 四、（一）3 严禁销售禁限售商品: either fails the audit outright.
    vetoItems: [
      c('serious_violation', '存在严重违法行为', 'Serious violation'),
      c('banned_category', '销售禁限售商品或服务', 'Sells banned or restricted goods or services'),
    ],
    clauses: {
      survey: '舟山方案 六、（一）调查摸底',
      application: '舟山方案 六、（二）组织申报（自愿原则）',
      eligibility: '舟山方案 三、培育对象（在我市登记注册，连续正常经营满一个会计年度；未列入经营异常名录及严重违法失信名单）',
      preReview: '舟山方案 六、（二）组织申报（属地市场监管部门初步审查，符合要求的上报市局）',
      audit: '舟山方案 六、（三）组织审核（赋分规则指引）；四、培育准则',
      listing: '舟山方案 六、（四）培育名单确认（择优列入市级培育库）',
      nomination: '舟山方案 六、（四）培育名单确认（向省局申报省级培育名单）',
      monitoring: '舟山方案 七、（三）加强监督管理（日常监测和评估）',
      removal: '舟山方案 七、（三）加强监督管理（情节严重的移出培育库）',
    },
  },
  defaults: {
    reminderLeadHours: 72,
    settings: {
      // The four groups weigh the same, 25 points each (one criterion of each 9, the other two 8).
      criterionPoints: {
        lawful: 9,
        managed: 8,
        green: 8,
        room: 9,
        training: 8,
        conduct: 8,
        goods: 9,
        pricing: 8,
        ip: 8,
        environment: 8,
        remedy: 8,
        after_sales: 9,
      },
      preReviewPeriod: 'P10D',
      listThreshold: 80,
      listQuota: 20,
      // 七、（三）日常监测和评估: each campaign sets its period (e.g. every six months); none until it does.
      evaluationPeriodMonths: null,
    },
  },
};
