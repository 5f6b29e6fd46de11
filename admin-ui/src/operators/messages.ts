// Messages of the operators (经营主体).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    operators: {
      name: 'Operator |||| Operators',
      fields: {
        createdAt: 'Created',
        updatedAt: 'Updated',
        id: 'ID',
        name: 'Name',
        uscc: 'Unified social credit code',
        kind: 'Kind',
        jurisdictionId: 'Jurisdiction',
        registeredOn: 'Registered on',
        track: 'Track',
        platformAccounts: 'Platform accounts',
        abnormalListed: 'Abnormal operations list',
        dishonestListed: 'Serious dishonesty list',
        q: 'Search',
      },
    },
  },
  app: {
    operator: {
      kind: {
        enterprise: 'Enterprise',
        live_room: 'Live room',
        influencer: 'Influencer',
        ecommerce: 'E-commerce operator',
        live_base: 'Live-stream base',
        mcn: 'MCN agency',
        streamer: 'Streamer',
      },
      track: {
        live_marketing: 'Live-stream marketing',
        community_group_buying: 'Community group buying',
      },
      platform: {
        douyin: 'Douyin',
        kuaishou: 'Kuaishou',
        wechat: 'WeChat Channels',
        taobao: 'Taobao',
        xiaohongshu: 'Xiaohongshu',
        other: 'Other',
      },
      platform_label: 'Platform',
      account: 'Account',
      followers: 'Followers',
      lists: 'Credit lists',
      abnormal_listed: 'On the abnormal operations list',
      dishonest_listed: 'On the serious dishonesty list',
      lists_helper: 'An operator on either list may not apply (Zhoushan notice 三、培育对象).',
      uscc_helper: '18 digits or capital letters (no I, O, S, V, Z); characters 3–8 are the division code, the last is a check character',
      uscc_fixed: 'The USCC cannot be changed',
      import: 'Import',
      import_title: 'Import the operator register (CSV or Excel)',
      import_template_filename: 'operators-template',
      import_helper:
        'Header: 名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信,赛道 (平台账号 as douyin:account;kuaishou:account2; lists as 是/否; 赛道, optional, 直播营销 or 社区团购 for Changxing’s operators). New USCCs are registered, known ones updated. A CSV or an Excel workbook (its first sheet). If any line is wrong nothing is imported and every bad line is listed.',
      import_failed: '%{smart_count} line(s) are wrong; nothing was imported:',
      imported: 'Imported: %{created} registered, %{updated} updated',
    },
  },
};

export const zh: typeof en = {
  resources: {
    operators: {
      name: '经营主体',
      fields: {
        createdAt: '创建时间',
        updatedAt: '更新时间',
        id: '编号',
        name: '名称',
        uscc: '统一社会信用代码',
        kind: '主体类型',
        jurisdictionId: '辖区',
        registeredOn: '登记日期',
        track: '类别',
        platformAccounts: '平台账号',
        abnormalListed: '经营异常名录',
        dishonestListed: '严重违法失信名单',
        q: '搜索',
      },
    },
  },
  app: {
    operator: {
      kind: {
        enterprise: '企业',
        live_room: '直播间',
        influencer: '网络达人',
        ecommerce: '电商经营者',
        live_base: '直播基地',
        mcn: 'MCN机构',
        streamer: '主播',
      },
      track: {
        live_marketing: '直播营销',
        community_group_buying: '社区团购',
      },
      platform: {
        douyin: '抖音',
        kuaishou: '快手',
        wechat: '微信视频号',
        taobao: '淘宝',
        xiaohongshu: '小红书',
        other: '其他',
      },
      platform_label: '平台',
      account: '账号',
      followers: '粉丝数',
      lists: '信用名单',
      abnormal_listed: '列入经营异常名录',
      dishonest_listed: '列入严重违法失信名单',
      lists_helper: '列入任一名单的经营主体不得申报（舟山方案 三、培育对象）。',
      uscc_helper: '18 位数字或大写字母（不用 I、O、S、V、Z），第 3–8 位为行政区划码，末位为校验位',
      uscc_fixed: '统一社会信用代码不可修改',
      import: '批量导入',
      import_title: '导入经营主体名录（CSV 或 Excel）',
      import_template_filename: '经营主体导入模板',
      import_helper:
        '表头为“名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信,赛道”（平台账号如 douyin:账号;kuaishou:账号2；名单填“是/否”；赛道选填，长兴放心电商的经营主体填“直播营销”或“社区团购”）。新的统一社会信用代码将登记，已有的将更新。CSV 或 Excel 文件（第一个工作表）均可。任何一行有误则整批不导入，并列出每一行的问题。',
      import_failed: '有 %{smart_count} 行有误，未导入任何记录：',
      imported: '导入完成：新登记 %{created} 家，更新 %{updated} 家',
    },
  },
};
