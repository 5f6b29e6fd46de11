// Messages of the search (搜索).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    search: {
      placeholder: 'Search operators, credit codes, accounts',
      min_chars: 'Type at least %{smart_count} characters',
      no_results: 'No matching operator or case',
      group: {
        operators: 'Operators',
        cases: 'Cases',
      },
    },
  },
};

export const zh: typeof en = {
  app: {
    search: {
      placeholder: '搜索经营主体、统一社会信用代码、账号',
      min_chars: '请输入至少 %{smart_count} 个字符',
      no_results: '未找到匹配的经营主体或案卷',
      group: {
        operators: '经营主体',
        cases: '案卷',
      },
    },
  },
};
