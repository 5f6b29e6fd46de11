// react-admin 5 messages missing from @haxqer/ra-language-chinese (written for react-admin 4),
// and the few whose placeholders changed in react-admin 5 (record titles use recordRepresentation).
export const raZh = {
  ra: {
    action: {
      reset: '重置',
      search_columns: '搜索列',
      select_all_button: '全选',
    },
    page: {
      dashboard: '工作台',
      list: '%{name}',
      show: '%{name}：%{recordRepresentation}',
      edit: '%{name}：%{recordRepresentation}',
      empty: '暂无%{name}',
      invite: '要新建一个吗？',
      access_denied: '无权访问',
      authentication_error: '身份验证错误',
    },
    message: {
      access_denied: '您没有访问此页面的权限',
      authentication_error: '身份验证服务返回错误，无法核验您的登录信息。',
      select_all_limit_reached: '可选记录过多，仅选中了前 %{max} 条。',
      placeholder_data_warning: '网络异常：数据刷新失败。',
    },
    navigation: {
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} / 超过 %{offsetEnd}',
      clear_filters: '清除筛选条件',
      no_filtered_results: '当前筛选条件下没有%{name}。',
      // The page buttons' names, as MUI's zhCN locale has them (the package says 向后 / 向前).
      next: '下一页',
      previous: '上一页',
      prev: '上一页',
    },
    auth: {
      email: '电子邮箱',
    },
    notification: {
      offline: '网络未连接，无法获取数据。',
    },
    validation: {
      unique: '不能重复',
    },
    guesser: {
      empty: {
        title: '没有可显示的数据',
        message: '请检查数据提供程序',
      },
    },
  },
};
