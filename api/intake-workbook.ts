// Lijiang's application forms as workbooks (seeds/lijiang-database-intake.txt: 附件1 第19条 and 附件2 第10条
// publish the 申报表格 as .xlsx): a blank form per register to download, and a filled-in one read back into
// the application form (domain/intake.ts), which the console shows for the officer to check, attach the
// licences to, and file. Reading files nothing; filing checks the intake standard as for a typed form.
import {
  ACCOUNT_PLATFORMS,
  ENCOURAGED_CATEGORIES,
  LIVE_PLATFORMS,
  PRODUCT_CATEGORIES,
  type InfluencerForm,
  type ProductForm,
  type Register,
} from '../domain/intake.js';
import { xlsxDocument, xlsxRows } from './spreadsheet.js';

const PLATFORM_NAMES: Record<(typeof ACCOUNT_PLATFORMS)[number] | (typeof LIVE_PLATFORMS)[number], string> = {
  douyin: '抖音',
  kuaishou: '快手',
  wechat: '微信',
  weibo: '微博',
  wechat_official: '微信公众号',
  wechat_channels: '微信视频号',
  xiaohongshu: '小红书',
};

/** A line of the form: its label in column A, what it holds and how to fill it in. */
interface Item {
  label: string;
  note: string;
  read: (value: string, form: Record<string, unknown>) => string | undefined;
}

const yesNo = (v: string): boolean | undefined => (/^(是|有|能|y|yes|true|1)$/i.test(v) ? true : /^(否|无|不能|n|no|false|0)$/i.test(v) ? false : undefined);
const set =
  (key: string, parse: (v: string) => unknown = (v) => v, why = '') =>
  (v: string, form: Record<string, unknown>) => {
    const value = parse(v);
    if (value === undefined) return why;
    form[key] = value;
    return undefined;
  };
const whole = (min: number, max: number) => (v: string) => {
  const n = Number(v.replace(/[,，]/g, ''));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const byName =
  <K extends string>(names: Record<K, { zh: string }>) =>
  (v: string) =>
    (Object.keys(names) as K[]).find((k) => names[k].zh === v || k === v);

const PRODUCT: Item[] = [
  { label: '产品名称', note: '必填', read: set('productName') },
  {
    label: '产品类别',
    note: `必填；${Object.values(PRODUCT_CATEGORIES)
      .map((c) => c.zh)
      .join('、')}之一`,
    read: set('category', byName(PRODUCT_CATEGORIES), '不是可选的产品类别'),
  },
  { label: '等级', note: '高原特色初级农产品必填（第1条）', read: set('grade') },
  { label: '规格', note: '必填（第8条）', read: set('specifications') },
  { label: '执行标准', note: '必填（第8条），如 GB/T xxxx', read: set('executionStandard') },
  { label: '能否一件代发', note: '必填；是或否（第6条）', read: set('dropshipping', yesNo, '须填“是”或“否”') },
  ...LIVE_PLATFORMS.map((p): Item => ({
    label: `${PLATFORM_NAMES[p]}直播带货链接`,
    note: '至少填写一个平台的链接（第7条），以 https:// 开头',
    read: (v, form) => {
      if (!/^https?:\/\/\S+$/.test(v)) return '须为以 http:// 或 https:// 开头的链接';
      form.liveLinks = [...((form.liveLinks as unknown[]) ?? []), { platform: p, url: v }];
      return undefined;
    },
  })),
  { label: '快递发货情况', note: '必填（第8条），如 顺丰，48 小时内发货', read: set('shipping') },
  { label: '日均发货数量', note: '必填；整数（第8条）', read: set('dailyVolume', whole(0, 10_000_000), '须为整数') },
  {
    label: '每周服务天数',
    note: '必填；1–7，售前售后服务至少每周 5 天（第12条）',
    read: (v, form) => hours(form, 'daysPerWeek', whole(1, 7)(v), '须为 1–7 的整数'),
  },
  {
    label: '每天服务小时数',
    note: '必填；1–24，至少每天 8 小时（第12条）',
    read: (v, form) => hours(form, 'hoursPerDay', whole(1, 24)(v), '须为 1–24 的整数'),
  },
];

function hours(form: Record<string, unknown>, key: 'daysPerWeek' | 'hoursPerDay', n: number | undefined, why: string) {
  if (n === undefined) return why;
  form.serviceHours = { ...(form.serviceHours as object), [key]: n };
  return undefined;
}

const INFLUENCER: Item[] = [
  { label: '达人名称', note: '必填', read: set('displayName') },
  { label: '未处于处罚期间', note: '必填；是或否：未处于平台和相关部门处罚期间（附件2 第4条）', read: set('notUnderPenalty', yesNo, '须填“是”或“否”') },
  { label: '常态化宣传推广丽江', note: '必填；是或否（附件2 第2条）', read: set('promotesLijiang', yesNo, '须填“是”或“否”') },
  {
    label: '鼓励类别',
    note: `选填；${Object.values(ENCOURAGED_CATEGORIES)
      .map((c) => c.zh)
      .join('、')}，多个以顿号分隔（附件2 第6、7条）`,
    read: (v, form) => {
      const keys = v
        .split(/[、,，;；]/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map(byName(ENCOURAGED_CATEGORIES));
      if (keys.some((k) => !k)) return '含不可选的类别';
      form.encouragedCategories = keys;
      return undefined;
    },
  },
];
/** The influencer's accounts: a table below the items, one account per row. */
const ACCOUNT_HEADER = ['平台', '账号', '粉丝数', '已实名认证', '已开通直播带货'];

/** What was read, and each line that could not be, by its row number. */
export interface ReadForm {
  form: Partial<ProductForm> | Partial<InfluencerForm>;
  problems: { path: string; row: number; messageZh: string; messageEn: string }[];
}

/** The filled-in form's values: what cannot be read is named by its row; what is missing, filing names. */
export async function readIntakeWorkbook(register: Register, bytes: Buffer): Promise<ReadForm> {
  const items = register === 'product' ? PRODUCT : INFLUENCER;
  const form: Record<string, unknown> = { register };
  const problems: ReadForm['problems'] = [];
  const bad = (row: number, zh: string, en: string) =>
    problems.push({ path: `row ${row}`, row, messageZh: `第 ${row} 行：${zh}`, messageEn: `row ${row}: ${en}` });
  let accounts = false;
  for (const { row, cells } of await xlsxRows(bytes)) {
    const [label = '', value = ''] = cells;
    if (register === 'influencer' && label === ACCOUNT_HEADER[0] && cells[1] === ACCOUNT_HEADER[1]) {
      accounts = true;
      continue;
    }
    if (accounts) {
      const [platformName, handle, followers, verified, selling] = cells;
      if (!handle && !followers) continue; // the blank form's example row, as it came
      const platform = ACCOUNT_PLATFORMS.find((p) => PLATFORM_NAMES[p] === platformName || p === platformName);
      const n = whole(0, 2_000_000_000)(followers ?? '');
      if (!platform || !handle || n === undefined)
        bad(row, '账号行须填写平台、账号和粉丝数（整数）', 'an account row needs its platform, handle and followers (a whole number)');
      else
        form.accounts = [
          ...((form.accounts as unknown[]) ?? []),
          { platform, handle, followers: n, realNameVerified: yesNo(verified ?? '') === true, liveSellingEnabled: yesNo(selling ?? '') === true },
        ];
      continue;
    }
    const item = items.find((i) => i.label === label.replace(/\s/g, ''));
    if (!item || !value) continue; // the title, the header, notes, an item left blank
    const why = item.read(value, form);
    if (why !== undefined) bad(row, `「${item.label}」${why || '无法识别'}`, `“${item.label}”: cannot read “${value}”`);
  }
  return { form: form as ReadForm['form'], problems };
}

/** The blank form of a register: its items with what to write beside them, and (influencers) the accounts table. */
export function blankIntakeWorkbook(register: Register): Promise<Buffer> {
  const items = register === 'product' ? PRODUCT : INFLUENCER;
  const rows: unknown[][] = items.map((i) => [i.label, '', i.note]);
  if (register === 'influencer')
    rows.push([], ['新媒体账号：每行一个；已实名认证、已开通直播带货填“是”或“否”（附件2 第3条）'], ACCOUNT_HEADER, ['抖音', '', '', '', '']);
  return xlsxDocument([
    {
      name: register === 'product' ? '特色直播优质产品申报表' : '新媒体达人申报表',
      columns: [
        { header: '项目', width: 22 },
        { header: '填写内容', width: 44 },
        { header: '说明', width: 60 },
      ],
      rows,
    },
  ]);
}
