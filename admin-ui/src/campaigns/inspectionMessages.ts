// Messages of a staged-award campaign's 双随机 draw (changxing 四、（三）; README "Random inspections").
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    inspectionDraw: {
      not_set: 'This campaign inspects every case in the concentrated-governance stage (no random inspection set at launch).',
      rule: 'Random inspections: %{share}% of the cases are drawn, each with two inspectors drawn from the jurisdiction’s officers. Cases not drawn skip the inspection.',
      avoid: ' An inspector is never from the case’s own station.',
      not_drawn: 'Not drawn yet.',
      seed: 'Seed',
      seed_helper: 'Announce it beforehand (e.g. a lottery draw’s numbers); left empty, one is made',
      draw: 'Draw',
      draw_confirm: 'Draw the cases and inspectors now? A draw is made once and never redone.',
      drawn: 'Drawn: the cases open their inspections',
      record: 'The draw',
      method: 'Method',
      method_text:
        'Each case ranked by SHA-256(seed, case number); the first share drawn. Each drawn case takes the two eligible officers with the fewest inspections so far, ties by SHA-256(seed, case number, officer).',
      counts_label: 'Drawn',
      counts: '%{drawn} of %{cases} cases; pool of %{pool} officers',
      by: 'Drawn by',
      roster: 'Published list',
      roster_link: 'Random inspection list',
      drawn_cases: 'Cases drawn',
      operator: 'Operator',
      station: 'Station',
      inspectors: 'Inspectors',
      not_drawn_count: 'One case was not drawn and skips the inspection. |||| %{smart_count} cases were not drawn and skip the inspection.',
    },
  },
};

export const zh: typeof en = {
  app: {
    inspectionDraw: {
      not_set: '本活动在集中治理阶段检查全部案件（启动时未设置双随机抽查）。',
      rule: '双随机抽查：按 %{share}% 的比例随机抽取案件，每案从本辖区执法人员中随机选派两名检查人员；未被抽中的案件不再检查。',
      avoid: '检查人员回避案件所在基层所。',
      not_drawn: '尚未抽取。',
      seed: '随机种子',
      seed_helper: '宜事先公布（如当期彩票开奖号码）；留空则由系统生成',
      draw: '抽取',
      draw_confirm: '现在抽取案件和检查人员？抽取只进行一次，结果不可更改。',
      drawn: '已抽取，被抽中的案件已开启检查任务',
      record: '抽取记录',
      method: '抽取方法',
      method_text:
        '按 SHA-256（种子、案件编号）排序，取前若干比例的案件；每个被抽中的案件，从可选执法人员中选取本次已分配检查最少的两人，相同时按 SHA-256（种子、案件编号、人员）排序。',
      counts_label: '抽取结果',
      counts: '%{cases} 个案件中抽取 %{drawn} 个；检查人员库 %{pool} 人',
      by: '抽取人',
      roster: '公布名单',
      roster_link: '双随机抽查名单',
      drawn_cases: '被抽中的案件',
      operator: '经营主体',
      station: '所属基层所',
      inspectors: '检查人员',
      not_drawn_count: '%{smart_count} 个案件未被抽中，不再检查。 |||| %{smart_count} 个案件未被抽中，不再检查。',
    },
  },
};
