// A blank Excel workbook for each import (README "Excel and CSV"): the columns the import reads, by their
// Chinese names, on the first sheet, and what to write in each on a second (填写说明). The import reads the
// first sheet, so a filled-in template is imported as it is. Lijiang's application forms are forms, not
// tables: their blanks come from api/intake-workbook.ts.
import { Router } from 'express';
import type { Role } from '../../domain/roles.js';
import { OPERATOR_KINDS } from '../../domain/register.js';
import { forbidden, notFound } from '../errors.js';
import { route } from '../routes.js';
import { sendXlsx, xlsxDocument } from '../spreadsheet.js';
import { blankIntakeWorkbook } from '../intake-workbook.js';

type Template = {
  /** Who may import (the import route's roles). */
  roles: readonly Role[];
  title: string;
} & (
  | {
      /** Each column: its heading as the import reads it, and what to write. */
      columns: [header: string, note: string][];
    }
  | {
      /** A form rather than a table (Lijiang's 申报表, api/intake-workbook.ts). */
      build: () => Promise<Buffer>;
    }
);
const INTAKE_ROLES = ['coordinator', 'auditor', 'county_officer'] as const;

const TEMPLATES: Record<string, Template> = {
  // POST /users/import (api/resources/users.ts)
  users: {
    roles: ['admin'],
    title: '用户导入',
    columns: [
      ['用户名', '必填；登录账号，3–40 位小写字母、数字、点、下划线或连字符'],
      ['姓名', '必填'],
      ['角色', '必填；统筹协调、县区执法人员、审核员、分管领导或管理员'],
      ['辖区代码', '必填；您辖区内的机构代码，如 330522001'],
      ['手机', '选填'],
      ['邮箱', '选填'],
    ],
  },
  // POST /jurisdictions/import (api/resources/jurisdictions.ts)
  jurisdictions: {
    roles: ['admin'],
    title: '辖区导入',
    columns: [
      ['代码', '必填；机构代码，如 330522007'],
      ['名称', '必填；如 林城市场监管所'],
      ['上级代码', '必填；您辖区内已有的机构，或本文件中的另一行'],
      ['级别', '必填；省、市、县区或基层所'],
    ],
  },
  // POST /operators/import (api/resources/register.ts)
  operators: {
    roles: ['county_officer', 'coordinator'],
    title: '经营主体导入',
    columns: [
      ['名称', '必填'],
      ['统一社会信用代码', '必填；18 位。新的代码将登记，已有的将更新'],
      ['主体类型', `必填；${OPERATOR_KINDS.map((k) => k.name).join('、')}之一`],
      ['辖区代码', '必填；登记所在的基层所代码'],
      ['注册日期', '必填；日期，如 2024-03-01'],
      ['平台账号', '选填；如 douyin:账号;kuaishou:账号2'],
      ['经营异常', '选填；是或否'],
      ['严重违法失信', '选填；是或否'],
      ['赛道', '选填；长兴放心电商的经营主体填“直播营销”或“社区团购”（按辖区纳入时须有）'],
    ],
  },
  // POST /campaigns/{id}/cases/import (api/resources/enrolment.ts)
  enrolment: {
    roles: ['coordinator'],
    title: '纳入经营主体',
    columns: [
      ['统一社会信用代码', '必填'],
      ['赛道', '选填；直播营销或社区团购，留空则按登记的赛道'],
      ['名称', '选填；仅供核对，不导入'],
    ],
  },
  // POST /credit-lists/import?list=abnormal|dishonest (api/resources/credit-lists.ts)
  'credit-list': {
    roles: ['coordinator', 'county_officer'],
    title: '信用名单导入',
    columns: [
      ['统一社会信用代码', '必填'],
      ['企业名称', '选填；仅供核对，不导入'],
      ['列入日期', '必填；日期，如 2026-11-30'],
      ['列入原因', '选填'],
      ['作出决定机关', '选填'],
      ['移出日期', '选填；已移出的填写'],
      ['移出原因', '选填'],
    ],
  },
  // POST /campaigns/{id}/evaluation-groups/{groupId}/scores (api/resources/evaluation-groups.ts)
  'third-party-scores': {
    roles: ['coordinator', 'auditor'],
    title: '第三方评分导入',
    columns: [
      ['统一社会信用代码', '必填；本活动已纳入的经营主体'],
      ['分数', '必填；0–100，最多两位小数'],
      ['备注', '选填；评分依据，500 字以内'],
      ['名称', '选填；仅供核对，不导入'],
    ],
  },
  // Lijiang's 申报表 (附件1 第19条, 附件2 第10条), read back by POST /intake-forms/read (api/resources/registers.ts)
  'intake-product': { roles: INTAKE_ROLES, title: '特色直播优质产品申报表', build: () => blankIntakeWorkbook('product') },
  'intake-influencer': { roles: INTAKE_ROLES, title: '新媒体达人申报表', build: () => blankIntakeWorkbook('influencer') },
};

export function importTemplatesRouter(): Router {
  const r = Router();
  route(
    r,
    {
      method: 'get',
      path: '/import-templates/:name/xlsx',
      summary: `A blank Excel template of an import (${Object.keys(TEMPLATES).join(', ')}), for those who may import it`,
      tag: 'reference',
      roles: [...new Set(Object.values(TEMPLATES).flatMap((t) => t.roles))],
    },
    async (req, res, me) => {
      const name = String(req.params.name);
      const t = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name]! : undefined;
      if (!t) throw notFound('导入模板 import template', name);
      if (!t.roles.includes(me.role as Role)) throw forbidden('您的角色不能使用此导入', 'your role cannot use this import');
      if ('build' in t) return sendXlsx(res, `${t.title}.xlsx`, await t.build());
      const workbook = await xlsxDocument([
        { name: t.title, columns: t.columns.map(([header]) => ({ header, width: Math.max(14, [...header].length * 2 + 4) })), rows: [] },
        {
          name: '填写说明',
          columns: [
            { header: '列名', width: 18 },
            { header: '填写说明', width: 70 },
          ],
          rows: [
            ...t.columns,
            [],
            ['', '在第一个工作表中从第 2 行起每行填写一条；任何一行有误则整批不导入，并列出每一行的问题。也可另存为 CSV（UTF-8）导入。'],
          ],
        },
      ]);
      sendXlsx(res, `${t.title}模板.xlsx`, workbook);
    },
  );
  return r;
}
