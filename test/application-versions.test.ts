// What changed between two versions of a live room's application (舟山方案 六、（二）: the county pre-reviews
// again what was supplied after a return): field by field in the form's order with its label, attachments
// added and removed, and nothing reported for a form re-sent unchanged. Pure: the unit tier.
import { describe, expect, it } from 'vitest';
import { diffApplication } from '../domain/application-versions.js';
import { APPLICATION_FIELDS, applicationFormSchema, splitDocument } from '../domain/application-form.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';

const v = (form: Record<string, unknown>, attachmentIds: string[] = []) => ({ form, attachmentIds });

describe('diffApplication', () => {
  it('names each changed field with its label, before and after, in the form’s order', () => {
    const before = v(APPLICATION_FORM);
    const after = v({ ...APPLICATION_FORM, contentRetentionYears: 5, contactPhone: '0580-7654321', streamerCount: 6 });
    const d = diffApplication(before, after);
    expect(d.unchanged).toBe(false);
    expect(d.fields).toEqual([
      { key: 'contactPhone', labelZh: '联系电话', labelEn: 'Phone', before: '0580-1234567', after: '0580-7654321' },
      { key: 'streamerCount', labelZh: '主播人数', labelEn: 'Streamers', before: 4, after: 6 },
      { key: 'contentRetentionYears', labelZh: '直播内容留存年限', labelEn: 'Content kept (years)', before: 3, after: 5 },
    ]);
  });

  it('compares lists and accounts by content, whatever the key order PostgreSQL gives back', () => {
    const reordered = { ...APPLICATION_FORM, platformAccounts: [{ followers: 12000, account: 'zs_fresh', platform: 'douyin' }] };
    expect(diffApplication(v(APPLICATION_FORM), v(reordered)).unchanged).toBe(true);
    const more = { ...APPLICATION_FORM, platformAccounts: [...APPLICATION_FORM.platformAccounts, { platform: 'kuaishou', account: 'zs_fresh_ks' }] };
    const d = diffApplication(v(APPLICATION_FORM), v(more));
    expect(d.fields.map((f) => f.key)).toEqual(['platformAccounts']);
    expect(d.fields[0]!.after).toHaveLength(2);
    const cats = diffApplication(v(APPLICATION_FORM), v({ ...APPLICATION_FORM, mainCategories: ['海鲜干货', '水产品'] }));
    expect(cats.fields.map((f) => f.key)).toEqual(['mainCategories']);
  });

  it('treats an absent, empty or blank optional field alike, and shows one added or cleared without a side', () => {
    const { introduction: _none, ...without } = { ...APPLICATION_FORM, introduction: '' };
    expect(diffApplication(v({ ...APPLICATION_FORM, introduction: '  ' }), v(without)).unchanged).toBe(true);
    const added = diffApplication(v(without), v({ ...without, introduction: '主营舟山海鲜' }));
    expect(added.fields).toEqual([{ key: 'introduction', labelZh: '直播间简介', labelEn: 'Introduction', after: '主营舟山海鲜' }]);
    const cleared = diffApplication(v({ ...without, introduction: '主营舟山海鲜' }), v(without));
    expect(cleared.fields).toEqual([{ key: 'introduction', labelZh: '直播间简介', labelEn: 'Introduction', before: '主营舟山海鲜' }]);
  });

  it('lists attachments added and removed, in their order', () => {
    const d = diffApplication(v(APPLICATION_FORM, ['a', 'b', 'c']), v(APPLICATION_FORM, ['a', 'c', 'd', 'e']));
    expect(d).toEqual({ fields: [], attachmentsAdded: ['d', 'e'], attachmentsRemoved: ['b'], unchanged: false });
  });

  it('reports a form re-sent unchanged as unchanged', () => {
    expect(diffApplication(v(APPLICATION_FORM, ['a']), v({ ...APPLICATION_FORM }, ['a']))).toEqual({
      fields: [],
      attachmentsAdded: [],
      attachmentsRemoved: [],
      unchanged: true,
    });
  });

  it('compares a field the form does not know (a later form) after the known ones, by its key', () => {
    const d = diffApplication(v(APPLICATION_FORM), v({ ...APPLICATION_FORM, liveRoomName: '海岛鲜生2号', newField: 1 }));
    expect(d.fields.map((f) => [f.key, f.labelZh])).toEqual([
      ['liveRoomName', '直播间名称'],
      ['newField', 'newField'],
    ]);
  });

  it('labels every field of the form, and the form and its document split apart again', () => {
    const form = applicationFormSchema().parse(APPLICATION_FORM);
    expect(Object.keys(form).every((k) => APPLICATION_FIELDS.some((f) => f.key === k))).toBe(true);
    const statement = { version: 'v', text: 't', signatory: '王某', signedAt: '2026-12-03T00:00:00.000Z', signedById: 'u' };
    expect(splitDocument({ ...form, attachmentIds: ['x'], statement })).toEqual({ form, attachmentIds: ['x'], statement });
    expect(splitDocument({ ...form })).toEqual({ form, attachmentIds: [], statement: null });
  });
});
