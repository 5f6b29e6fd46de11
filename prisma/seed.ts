import bcrypt from 'bcryptjs';
import type { PrismaClient } from './db.js';
import type { Prisma } from './generated/client.js';
import { usccCheckChar } from '../domain/uscc.js';
import { ROLES, type Role } from '../domain/roles.js';
import { passwordHashCost } from '../runtime/config.js';

// Demo reference data: Huzhou → Changxing county with its market-supervision stations (基层所), and
// Zhoushan with its four districts/counties, one user per role per jurisdiction, and ~50 operators.

interface J {
  id: string;
  name: string;
  slug: string;
  level: 'city' | 'county' | 'station';
  parent?: string;
}
export const DEMO_JURISDICTIONS: J[] = [
  { id: '330500', name: '湖州市', slug: 'huzhou', level: 'city' },
  { id: '330522', name: '长兴县', slug: 'changxing', level: 'county', parent: '330500' },
  { id: '330522001', name: '雉城市场监管所', slug: 'zhicheng', level: 'station', parent: '330522' },
  { id: '330522002', name: '太湖街道市场监管所', slug: 'taihu', level: 'station', parent: '330522' },
  { id: '330522003', name: '画溪市场监管所', slug: 'huaxi', level: 'station', parent: '330522' },
  { id: '330522004', name: '和平市场监管所', slug: 'heping', level: 'station', parent: '330522' },
  { id: '330522005', name: '泗安市场监管所', slug: 'sian', level: 'station', parent: '330522' },
  { id: '330522006', name: '煤山市场监管所', slug: 'meishan', level: 'station', parent: '330522' },
  { id: '330900', name: '舟山市', slug: 'zhoushan', level: 'city' },
  { id: '330902', name: '定海区', slug: 'dinghai', level: 'county', parent: '330900' },
  { id: '330903', name: '普陀区', slug: 'putuo', level: 'county', parent: '330900' },
  { id: '330921', name: '岱山县', slug: 'daishan', level: 'county', parent: '330900' },
  { id: '330922', name: '嵊泗县', slug: 'shengsi', level: 'county', parent: '330900' },
  // Lijiang (丽江市): the new-media centre's registers are city-wide (seeds/lijiang-database-intake.txt).
  { id: '530700', name: '丽江市', slug: 'lijiang', level: 'city' },
  { id: '530702', name: '古城区', slug: 'gucheng', level: 'county', parent: '530700' },
  { id: '530721', name: '玉龙纳西族自治县', slug: 'yulong', level: 'county', parent: '530700' },
];

const ROLE_SLUG: Record<Role, string> = { coordinator: 'coord', county_officer: 'officer', auditor: 'auditor', leader: 'leader', admin: 'admin' };
const ROLE_NAME: Record<Role, string> = { coordinator: '统筹', county_officer: '执法员', auditor: '审核员', leader: '分管领导', admin: '管理员' };

export const demoUsername = (role: Role, slug: string) => `${ROLE_SLUG[role]}.${slug}`;
export const DEMO_PASSWORD_DEFAULT = 'demo1234';

function pathOf(j: J): string {
  const chain: string[] = [];
  for (let cur: J | undefined = j; cur; cur = DEMO_JURISDICTIONS.find((x) => x.id === cur!.parent)) chain.unshift(cur.id);
  return `/${chain.join('/')}/`;
}

/** A syntactically valid 统一社会信用代码 for a seeded operator (deterministic per index). */
export function demoUscc(divisionCode: string, n: number): string {
  const org = `MA${(100000 + n * 7919)
    .toString(36)
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')}`
    .padEnd(9, '0')
    .slice(0, 9);
  const first17 = `92${divisionCode.slice(0, 6)}${org}`;
  return first17 + usccCheckChar(first17);
}

const CX_WORDS = ['紫笋茶', '百叶龙', '银杏', '太湖鲜', '吊瓜子', '芦笋', '青梅', '湖羊', '白茶', '板栗', '杨梅', '螺蛳', '青虾', '稻米', '竹笋'];
const ZS_WORDS = ['海鲜', '带鱼', '黄鱼', '虾皮', '紫菜', '贻贝', '海岛', '渔家', '蟹', '鱿鱼'];
const LJ_WORDS = [
  '玛咖',
  '雪桃',
  '永胜软籽石榴',
  '高原荞麦',
  '纳西手工银器',
  '东巴纸',
  '丽江粑粑',
  '雪茶',
  '油橄榄',
  '玉龙雪山旅行',
  '古城客栈',
  '民族文化传媒',
];
const SUFFIX = ['电子商务有限公司', '直播间', '农产品商行', '社区团购服务部', '食品有限公司'];

export async function seedDemo(db: PrismaClient, password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT): Promise<{ created: boolean }> {
  if ((await db.jurisdiction.count()) > 0) return { created: false };
  const hash = await bcrypt.hash(password, passwordHashCost());
  await db.$transaction(async (tx) => {
    await tx.jurisdiction.createMany({
      data: DEMO_JURISDICTIONS.map((j) => ({ id: j.id, name: j.name, level: j.level, parentId: j.parent ?? null, path: pathOf(j) })),
    });
    await tx.user.createMany({
      data: DEMO_JURISDICTIONS.flatMap((j) =>
        ROLES.map((role) => ({
          id: `u-${ROLE_SLUG[role]}-${j.slug}`,
          username: demoUsername(role, j.slug),
          displayName: `${j.name}${ROLE_NAME[role]}`,
          passwordHash: hash,
          role,
          jurisdictionId: j.id,
        })),
      ),
    });
    const stations = DEMO_JURISDICTIONS.filter((j) => j.level === 'station');
    const zsCounties = DEMO_JURISDICTIONS.filter((j) => j.parent === '330900');
    const operators: Prisma.OperatorCreateManyInput[] = [];
    for (let i = 0; i < 30; i++) {
      const st = stations[i % stations.length]!;
      const kind = i % 3 === 0 ? 'live_room' : 'enterprise';
      const track = i % 4 === 3 ? 'community_group_buying' : 'live_marketing';
      const name = `长兴${CX_WORDS[i % CX_WORDS.length]}${SUFFIX[(i * 7) % SUFFIX.length]}${i >= CX_WORDS.length ? `（${st.name.slice(0, 2)}）` : ''}`;
      operators.push({
        id: `op-cx-${String(i + 1).padStart(3, '0')}`,
        name,
        uscc: demoUscc('330522', i + 1),
        kind,
        jurisdictionId: st.id,
        registeredOn: new Date(Date.UTC(2018 + (i % 6), i % 12, 1 + (i % 27))),
        track,
        platformAccounts: [{ platform: ['douyin', 'kuaishou', 'wechat'][i % 3]!, account: `cx_live_${i + 1}` }],
      });
    }
    for (let i = 0; i < 20; i++) {
      const c = zsCounties[i % zsCounties.length]!;
      const kind = (['live_room', 'enterprise', 'influencer', 'live_room'] as const)[i % 4]!;
      const name = `${c.name.slice(0, 2)}${ZS_WORDS[i % ZS_WORDS.length]}${kind === 'influencer' ? '达人' : SUFFIX[(i * 3) % SUFFIX.length]}${i >= ZS_WORDS.length ? '二店' : ''}`;
      operators.push({
        id: `op-zs-${String(i + 1).padStart(3, '0')}`,
        name,
        uscc: demoUscc(c.id, 100 + i),
        kind,
        jurisdictionId: c.id,
        registeredOn: new Date(Date.UTC(2019 + (i % 6), (i * 5) % 12, 1 + (i % 27))),
        track: null,
        platformAccounts: [{ platform: ['douyin', 'kuaishou'][i % 2]!, account: `zs_live_${i + 1}` }],
      });
    }
    const ljCounties = DEMO_JURISDICTIONS.filter((j) => j.parent === '530700');
    for (let i = 0; i < LJ_WORDS.length; i++) {
      const c = ljCounties[i % ljCounties.length]!;
      const kind = i >= 9 ? 'influencer' : 'enterprise';
      const name = `丽江${LJ_WORDS[i]}${i >= 9 ? '（MCN）' : '有限公司'}`;
      operators.push({
        id: `op-lj-${String(i + 1).padStart(3, '0')}`,
        name,
        uscc: demoUscc(c.id, 200 + i),
        kind,
        jurisdictionId: c.id,
        registeredOn: new Date(Date.UTC(2016 + (i % 8), (i * 5) % 12, 1 + (i % 27))),
        track: null,
        platformAccounts: [{ platform: ['douyin', 'kuaishou', 'wechat'][i % 3]!, account: `lj_live_${i + 1}` }],
      });
    }
    await tx.operator.createMany({ data: operators });
  });
  return { created: true };
}

export function demoLogins(): { username: string; role: Role; jurisdiction: string }[] {
  return DEMO_JURISDICTIONS.flatMap((j) => ROLES.map((role) => ({ username: demoUsername(role, j.slug), role, jurisdiction: j.name })));
}
