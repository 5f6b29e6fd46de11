// The live-streaming platforms an operator's accounts are on (the register, zhoushan 六、（一）调查摸底, and
// the application form). A module of its own, without schemas: the workflow bundle imports it through
// the application form (domain/lazy.ts says why schemas are not built at module level there).
export const PLATFORMS = ['douyin', 'kuaishou', 'wechat', 'taobao', 'xiaohongshu', 'other'] as const;
