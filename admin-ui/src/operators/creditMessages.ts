// Messages of the credit lists and the proposals a listing raises (README "Credit lists").
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    credit: {
      import_abnormal: 'Import the list of abnormal operations',
      import_dishonest: 'Import the seriously dishonest list',
      import_helper:
        'The export of the national credit publicity system, as CSV or Excel: 统一社会信用代码, 列入日期, 列入原因, 作出决定机关, and 移出日期 and 移出原因 for a removal. Operators not in the register or outside your jurisdiction are left alone. Each new listing raises its proposals (revoke a title, hold out of an award, remove from a list) as tasks.',
      import_failed: '%{smart_count} line(s) are wrong; nothing was imported',
      imported:
        '%{listed} new listing(s), %{removed} removal(s), %{unchanged} unchanged; %{notRegistered} not in the register, %{outOfScope} outside your jurisdiction',
      template_filename: 'credit-list.csv',
      history: 'Credit lists',
      none: 'Never on either list.',
      still_listed: 'Still listed',
      list: { abnormal: 'Abnormal operations', dishonest: 'Seriously dishonest' },
      col: { list: 'List', listedOn: 'Listed on', reason: 'Reason', authority: 'Decided by', removedOn: 'Removed on', by: 'Imported by' },
    },
    credit_proposal: {
      action: {
        revoke_title: '%{name} is on a credit list: revoke its title on ground 3 (6)?',
        hold_award: '%{name} is on a credit list: hold its case out of this award?',
        remove_listing: '%{name} is on a credit list: remove its room from the cultivation list?',
        register_removal: '%{name} is on a credit list: remove it from the register?',
      },
      operator: 'Operator',
      campaign: 'Campaign',
      list: 'List',
      listed_on: 'Listed on',
      reason: 'Reason for the listing',
      authority: 'Decided by',
      clause: 'Basis',
      decision: 'Decision',
      confirm: 'Confirm',
      decline: 'Decline',
      note: 'Reason',
    },
  },
};

export const zh: typeof en = {
  app: {
    credit: {
      import_abnormal: '导入经营异常名录',
      import_dishonest: '导入严重违法失信名单',
      import_helper:
        '国家企业信用信息公示系统导出的 CSV 或 Excel 文件，列为：统一社会信用代码、列入日期、列入原因、作出决定机关，移出的另填移出日期、移出原因。未登记或不在您辖区的主体不作处理。每条新列入将生成处理建议（撤销称号、暂停评定、移出培育库），以任务形式交有关人员确认。',
      import_failed: '%{smart_count} 行有误，未导入任何记录',
      imported: '新列入 %{listed} 条，移出 %{removed} 条，未变 %{unchanged} 条；未登记 %{notRegistered} 条，不在辖区 %{outOfScope} 条',
      template_filename: '信用名单导入模板.csv',
      history: '信用记录',
      none: '未被列入任何名单。',
      still_listed: '仍在名单中',
      list: { abnormal: '经营异常名录', dishonest: '严重违法失信名单' },
      col: { list: '名单', listedOn: '列入日期', reason: '列入原因', authority: '作出决定机关', removedOn: '移出日期', by: '导入人' },
    },
    credit_proposal: {
      action: {
        revoke_title: '「%{name}」已被列入信用名单：是否按取消称号情形（6）撤销其称号？',
        hold_award: '「%{name}」已被列入信用名单：是否暂停其本次评定？',
        remove_listing: '「%{name}」已被列入信用名单：是否将其移出培育库？',
        register_removal: '「%{name}」已被列入信用名单：是否清退？',
      },
      operator: '经营主体',
      campaign: '专项行动',
      list: '名单',
      listed_on: '列入日期',
      reason: '列入原因',
      authority: '作出决定机关',
      clause: '依据',
      decision: '决定',
      confirm: '确认',
      decline: '不予处理',
      note: '理由',
    },
  },
};
