// Messages the whole console shares: its title, the common buttons and labels, durations.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    title: 'Live-stream e-commerce campaigns',
    common: {
      none: 'None',
      yes: 'Yes',
      no: 'No',
      back: 'Back',
      back_to_campaign: 'Back to the campaign',
      download_csv: 'Download CSV',
      download_xlsx: 'Download Excel',
      export_xlsx: 'Export Excel',
      print: 'Print',
      template: 'CSV template',
      template_xlsx: 'Excel template',
    },
    duration: {
      year: '%{smart_count} year |||| %{smart_count} years',
      month: '%{smart_count} month |||| %{smart_count} months',
      week: '%{smart_count} week |||| %{smart_count} weeks',
      day: '%{smart_count} day |||| %{smart_count} days',
    },
  },
};

export const zh: typeof en = {
  app: {
    title: '直播电商专项行动工作台',
    common: {
      none: '无',
      yes: '是',
      no: '否',
      back: '返回',
      back_to_campaign: '返回专项行动',
      download_csv: '下载 CSV',
      download_xlsx: '下载 Excel',
      export_xlsx: '导出 Excel',
      print: '打印',
      template: 'CSV 模板',
      template_xlsx: 'Excel 模板',
    },
    duration: {
      year: '%{smart_count} 年',
      month: '%{smart_count} 个月',
      week: '%{smart_count} 周',
      day: '%{smart_count} 天',
    },
  },
};
