// Jurisdiction codes (组织机构): province, city and county carry their 6-digit GB/T 2260 administrative
// division code; a market-supervision station (基层所) its county's code and three digits of its own.
export const LEVELS = ['province', 'city', 'county', 'station'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, { zh: string; en: string; aliases: string[] }> = {
  province: { zh: '省', en: 'province', aliases: ['省级', '省份', '自治区', '直辖市'] },
  city: { zh: '市', en: 'city', aliases: ['市级', '地级市', '州', '地区'] },
  county: { zh: '县区', en: 'county', aliases: ['县', '区', '县级', '县（区）', '县级市'] },
  station: { zh: '基层所', en: 'station', aliases: ['所', '市场监管所', '站所'] },
};

export function levelFromText(text: string): Level | undefined {
  const t = text.trim().toLowerCase();
  return LEVELS.find((l) => l === t || LEVEL_NAMES[l].zh === t || LEVEL_NAMES[l].aliases.includes(t));
}

export interface CodeProblem {
  messageZh: string;
  messageEn: string;
}

/** Why `code` cannot be a jurisdiction of `level` (GB/T 2260 for province, city and county). */
export function codeProblem(code: string, level: Level): CodeProblem | undefined {
  switch (level) {
    case 'province':
      return /^[1-9]\d0000$/.test(code)
        ? undefined
        : { messageZh: '省级代码须为 6 位、以 0000 结尾（GB/T 2260）', messageEn: 'a province code is 6 digits ending in 0000 (GB/T 2260)' };
    case 'city':
      return /^[1-9]\d{3}00$/.test(code) && !code.endsWith('0000')
        ? undefined
        : {
            messageZh: '市级代码须为 6 位、以 00 结尾且第 3–4 位不为 00（GB/T 2260）',
            messageEn: 'a city code is 6 digits ending in 00, digits 3–4 not 00 (GB/T 2260)',
          };
    case 'county':
      return /^[1-9]\d{5}$/.test(code) && !code.endsWith('00')
        ? undefined
        : { messageZh: '县级代码须为 6 位、不以 00 结尾（GB/T 2260）', messageEn: 'a county code is 6 digits not ending in 00 (GB/T 2260)' };
    case 'station':
      return /^[1-9]\d{8}$/.test(code)
        ? undefined
        : { messageZh: '基层所代码须为所属县区代码加 3 位数字（共 9 位）', messageEn: "a station code is its county's code and 3 more digits (9 digits)" };
  }
}

/** Why a jurisdiction of `level` and `code` cannot sit under `parent` (levels below and codes nested). */
export function parentProblem(code: string, level: Level, parent: { id: string; level: string }): CodeProblem | undefined {
  const rank = (l: string) => LEVELS.indexOf(l as Level);
  if (rank(level) <= rank(parent.level))
    return {
      messageZh: `级别须低于上级（上级为${LEVEL_NAMES[parent.level as Level]?.zh ?? parent.level}）`,
      messageEn: `the level must be below its parent's (${parent.level})`,
    };
  if (level === 'station' && parent.level !== 'county') return { messageZh: '基层所须隶属县区', messageEn: 'a station belongs to a county' };
  // The code nests in the parent's: a city shares its province's first 2 digits, a county its city's
  // first 4 (or its province's first 2, for a county under the province), a station its county's 6.
  const shared = parent.level === 'province' ? 2 : parent.level === 'city' ? 4 : 6;
  if (code.slice(0, shared) !== parent.id.slice(0, shared))
    return {
      messageZh: `代码须以上级代码的前 ${shared} 位（${parent.id.slice(0, shared)}）开头`,
      messageEn: `the code must start with its parent's first ${shared} digits (${parent.id.slice(0, shared)})`,
    };
  return undefined;
}
