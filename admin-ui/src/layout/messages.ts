// Messages of the console's layout (app bar, card lists, filter drawer, sticky actions).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    layout: {
      filters: 'Filters',
      clear_filters: 'Clear filters',
      done: 'Done',
      search: 'Search',
      theme_dark: 'Dark theme',
      theme_light: 'Light theme',
    },
  },
};

export const zh: typeof en = {
  app: {
    layout: {
      filters: '筛选',
      clear_filters: '清除筛选',
      done: '完成',
      search: '搜索',
      theme_dark: '深色模式',
      theme_light: '浅色模式',
    },
  },
};
