// Messages of a campaign's summary page (总结).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    summary: {
      title: 'Summary report',
      heading: '%{name}: summary report',
      generated: 'Generated %{date}',
      stages: '1. Work per stage',
      cases: '2. Cases',
      case: {
        enrolled: 'Enrolled',
        filed: 'Filed',
        rectificationFailed: 'Rectification failed',
        objectionUpheld: 'Objection upheld',
        scored: 'Scored',
        proposed: 'Proposed',
      },
      violations: '3. Violations found, by area',
      minor: 'Minor',
      serious: 'Serious',
      distribution: '4. Score distribution',
      stats: 'Lowest %{min}, highest %{max}, mean %{mean} (%{name} %{threshold})',
      stats_no_threshold: 'Lowest %{min}, highest %{max}, mean %{mean}',
      no_scores: 'No scores yet.',
      band: 'Band',
      count: 'Count',
      titles: '5. Titles',
      award_list: '6. Award list',
      published: 'published %{date}',
      no_award: 'No award list yet.',
    },
  },
};

export const zh: typeof en = {
  app: {
    summary: {
      title: '总结报告',
      heading: '%{name}总结报告',
      generated: '生成时间：%{date}',
      stages: '一、各阶段工作情况',
      cases: '二、案卷情况',
      case: {
        enrolled: '纳入',
        filed: '立案查处',
        rectificationFailed: '整改未通过',
        objectionUpheld: '异议成立',
        scored: '已评分',
        proposed: '拟授予',
      },
      violations: '三、检查发现的问题（按方面）',
      minor: '轻微',
      serious: '严重',
      distribution: '四、得分分布',
      stats: '最低 %{min}，最高 %{max}，平均 %{mean}（%{name} %{threshold}）',
      stats_no_threshold: '最低 %{min}，最高 %{max}，平均 %{mean}',
      no_scores: '尚无评分。',
      band: '分数段',
      count: '数量',
      titles: '五、称号情况',
      award_list: '六、授予名单',
      published: '%{date} 发布',
      no_award: '尚未确定授予名单。',
    },
  },
};
