// Fixtures for programmes defined as data: a Shanghai-style live-commerce base evaluation
// (seeds/shanghai-live-ecommerce-measures.txt （二）建设若干特色直播电商基地; DOMAIN.md Programme D), in three
// stages: 申报材料 (county officers file the base's materials), 实地核查 (city auditors inspect on site),
// 综合评价 (the rubric, with veto items), and a roster chosen by a threshold.

export function shanghaiSpec(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: '上海直播电商基地评价',
    nameEn: 'Shanghai live-commerce base evaluation',
    defaultStart: '03-01',
    stages: [
      { key: 'materials', name: '申报材料', nameEn: 'Application materials', durationDays: 30, taskTypes: ['materials'] },
      { key: 'inspection', name: '实地核查', nameEn: 'On-site inspection', durationDays: 30, taskTypes: ['site_check'] },
      { key: 'evaluation', name: '综合评价', nameEn: 'Overall evaluation', durationDays: 30, taskTypes: [] },
    ],
    taskTypes: [
      {
        key: 'materials',
        name: '申报材料审查',
        nameEn: 'Materials review',
        role: 'county_officer',
        form: [
          { key: 'baseName', label: '基地名称', labelEn: 'Base name', type: 'text', required: true },
          { key: 'area', label: '场地面积（平方米）', labelEn: 'Floor area (m²)', type: 'number', required: true },
          { key: 'mcnCount', label: '入驻MCN机构数', labelEn: 'MCN agencies hosted', type: 'number', required: false },
          { key: 'theme', label: '特色产业', labelEn: 'Featured industry', type: 'choice', required: true, options: ['生活服务', '工业品', '农产品'] },
        ],
      },
      {
        key: 'site_check',
        name: '实地核查',
        nameEn: 'On-site check',
        role: 'auditor',
        form: [
          { key: 'visitedOn', label: '核查日期', labelEn: 'Visited on', type: 'date', required: true },
          { key: 'facilitiesOk', label: '直播基础设施达标', labelEn: 'Live-streaming facilities up to standard', type: 'boolean', required: true },
          { key: 'note', label: '核查意见', labelEn: 'Findings', type: 'text', required: false },
        ],
      },
    ],
    rubric: {
      stageKey: 'evaluation',
      role: 'auditor',
      items: [
        { key: 'infrastructure', name: '直播基础设施', nameEn: 'Infrastructure', points: 30 },
        { key: 'cluster', name: '集聚效应', nameEn: 'Cluster effect', points: 40 },
        { key: 'demonstration', name: '示范带动', nameEn: 'Demonstration', points: 30 },
      ],
      vetoItems: [{ key: 'serious_violation', name: '存在严重违法行为', nameEn: 'Serious violation' }],
    },
    roster: { name: '市级直播基地名单', nameEn: 'City live-commerce base list', threshold: 80 },
    clause: '上海市商务委关于促进本市直播电商创新发展若干措施 一、（二）建设若干特色直播电商基地',
    ...overrides,
  };
}
