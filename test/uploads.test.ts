// Uploads and request bodies (api/README.md "Attachments", "Request bodies"): an attachment's content must
// be of its declared type by its magic bytes; only its uploader can use it in an application; a request
// body is read only after `authenticate`, an anonymous one within 4 KB.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { detectContentType } from '../api/resources/attachments.js';
import { shanghaiDate } from '../domain/time.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['officer.gucheng', 'coord.lijiang']) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const post = (user: string, path: string, body?: unknown) => api.call('POST', path, { token: tokens[user], body });
const upload = (user: string, filename: string, contentType: string, bytes: Buffer) =>
  post(user, '/attachments', { filename, contentType, dataBase64: bytes.toString('base64') });
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from('90000300000004000000ffff0000b800', 'hex'), Buffer.from('This program cannot be run in DOS mode.')]);

describe('attachment content', () => {
  it('refuses content that is not of the declared type (400 naming both), storing nothing', async () => {
    // Names of this test's own: other files upload as officer.gucheng at the same time.
    const name = `类型不符-${randomUUID()}`;
    const png = await upload('officer.gucheng', `${name}.pdf`, 'application/pdf', PNG);
    expect(png.status, JSON.stringify(png.body)).toBe(400);
    expect(png.body.messageZh).toContain('声明为 application/pdf，实际为 image/png');
    expect(png.body.messageEn).toContain('declared application/pdf, detected image/png');
    expect(png.body.fields).toEqual([expect.objectContaining({ path: 'dataBase64' })]);
    const exe = await upload('officer.gucheng', `${name}.txt`, 'text/plain', EXE);
    expect(exe.status, JSON.stringify(exe.body)).toBe(400);
    expect(exe.body.messageEn).toContain('declared text/plain, detected application/x-msdownload');
    // GBK text is not UTF-8: refused as text (save it as UTF-8).
    expect((await upload('officer.gucheng', `${name}.txt`, 'text/plain', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]))).status).toBe(400);
    expect(await h.db.attachment.count({ where: { filename: { startsWith: name } } })).toBe(0);

    const pdf = await upload('officer.gucheng', `${name}.pdf`, 'application/pdf', PDF);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(await h.db.attachment.count({ where: { filename: { startsWith: name } } })).toBe(1);
    expect((await upload('officer.gucheng', '图片.png', 'image/png', PNG)).status).toBe(201);
    expect((await upload('officer.gucheng', '说明.txt', 'text/plain', Buffer.from('营业执照副本见附件。\n'))).status).toBe(201);
  });

  it('tells the allowed types apart by their magic bytes', async () => {
    const hex = (s: string) => Buffer.from(s, 'hex');
    expect(await detectContentType(hex('ffd8ffe000104a46494600'))).toBe('image/jpeg');
    expect(await detectContentType(Buffer.concat([Buffer.from('RIFF'), hex('24000000'), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(await detectContentType(Buffer.concat([hex('00000018'), Buffer.from('ftypisom'), hex('00000200'), Buffer.from('isommp42')]))).toBe('video/mp4');
    // Legacy .doc/.xls: an OLE compound file.
    expect(await detectContentType(Buffer.concat([hex('d0cf11e0a1b11ae1'), Buffer.alloc(504)]))).toBe('application/x-cfb');
    expect(await detectContentType(Buffer.from('GIF89a\x01\x00'))).toBe('image/gif');
    expect(await detectContentType(Buffer.from('a\u0000b'))).toBe('application/octet-stream');
  });
});

describe('attaching an upload to an application', () => {
  it('refuses another user’s upload (403), changing nothing; the filer’s own uploads are bound', async () => {
    const year = await uniqueYear(h.db);
    const r = await post('coord.lijiang', '/campaigns', {
      programme: 'lijiang',
      year,
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt: new Date(Date.now() + 300).toISOString(), dueAt: shanghaiDate(Date.now() + 400 * 86_400_000) }],
      reminderLeadHours: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const campaignId = r.body.id as string;
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'intake window open');
    const theirs = (await upload('officer.gucheng', '许可证.pdf', 'application/pdf', PDF)).body.id as string;
    const licence = (await upload('coord.lijiang', '许可证.pdf', 'application/pdf', PDF)).body.id as string;
    const report = (await upload('coord.lijiang', '检测报告.pdf', 'application/pdf', PDF)).body.id as string;
    const form = (licences: string[]) => ({
      register: 'product',
      productName: '丽江雪茶礼盒',
      category: 'prepackaged',
      grade: '一级',
      specifications: '100 g / 盒',
      executionStandard: 'GB/T 13607',
      dropshipping: true,
      liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/abc123/' }],
      shipping: '顺丰，48 小时内发货',
      dailyVolume: 800,
      serviceHours: { daysPerWeek: 5, hoursPerDay: 8 },
      licences,
      testReports: [report],
    });
    const path = `/campaigns/${encodeURIComponent(campaignId)}/intake-applications`;
    const refused = await post('coord.lijiang', path, { operatorId: 'op-lj-001', form: form([theirs]) });
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.body.messageEn).toContain(theirs);
    expect(await h.db.registerEntry.count({ where: { campaignId } })).toBe(0);
    expect(await h.db.attachment.findMany({ where: { id: { in: [theirs, licence, report] } }, select: { entryId: true } })).toEqual([
      { entryId: null },
      { entryId: null },
      { entryId: null },
    ]);

    // An upload about to be deleted as unused (after a day) is refused too: upload it again.
    await h.db.attachment.update({ where: { id: licence }, data: { uploadedAt: new Date(Date.now() - 23.5 * 3600_000) } });
    const stale = await post('coord.lijiang', path, { operatorId: 'op-lj-001', form: form([licence]) });
    expect(stale.status, JSON.stringify(stale.body)).toBe(400);
    expect(stale.body.fields).toEqual([expect.objectContaining({ path: 'form.licences' })]);
    await h.db.attachment.update({ where: { id: licence }, data: { uploadedAt: new Date() } });

    const filed = await post('coord.lijiang', path, { operatorId: 'op-lj-001', form: form([licence]) });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    await waitFor(
      async () => (await h.db.attachment.count({ where: { id: { in: [licence, report] }, entryId: filed.body.entryId } })) === 2,
      'own uploads bound',
    );
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: theirs } })).entryId).toBeNull();
    const { workflowId } = await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  });
});

describe('request bodies', () => {
  const port = () => Number(new URL(api.url).port);
  /** Sends only the request head, declaring `length` bytes of body, and answers the status line received. */
  const headOnly = (path: string, length: number) =>
    new Promise<string>((resolve, reject) => {
      const s = connect(port(), '127.0.0.1', () =>
        s.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{"username":`),
      );
      let got = '';
      s.on('data', (d) => {
        got += d.toString();
        if (got.includes('\r\n')) {
          s.destroy();
          resolve(got.slice(0, got.indexOf('\r\n')));
        }
      });
      s.on('error', reject);
      // The server would wait for the rest of a body it reads: no answer in 10 s fails the test.
      s.setTimeout(10_000, () => {
        s.destroy();
        reject(new Error(`no answer to a ${length}-byte body without reading it`));
      });
    });

  it('refuses an anonymous body over 4 KB with 413 before reading it, yet a sign-in works', async () => {
    expect(await headOnly('/api/auth/login', 100_000)).toMatch(/^HTTP\/1\.1 413 /);
    const big = JSON.stringify({ username: 'officer.gucheng', password: 'x'.repeat(100_000) });
    const declared = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('connection')).toBe('close');
    expect((await declared.json()).messageEn).toContain('without sign-in must be at most 4 KB');
    // Chunked, with no length to refuse it by: the parser stops at 4 KB.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await fetch(`${api.url}/api/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // Anything anonymous but small goes on to the route as before.
    expect((await api.call('POST', '/campaigns', { body: { programme: 'x' } })).status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { username: 'officer.gucheng', password: 'demo1234' } })).status).toBe(200);
  });

  it('reads a signed-in user’s body within the route’s limits; a bad token is 401 before any body', async () => {
    const pdf = Buffer.concat([PDF, Buffer.alloc(100_000, 0x20)]);
    const r = await upload('officer.gucheng', '大文件.pdf', 'application/pdf', pdf);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.size).toBe(pdf.length);
    // 100 KB of JSON on an ordinary route is read and judged by the route (400), not refused for its size.
    const padded = await post('coord.lijiang', '/campaigns', { programme: 'lijiang', padding: 'x'.repeat(100_000) });
    expect(padded.status).toBe(400);
    expect(padded.body.error).toBe('invalid_input');
    // 2 MB is still over the 1 MB limit of a signed-in user.
    expect((await post('coord.lijiang', '/campaigns', { padding: 'x'.repeat(2_000_000) })).status).toBe(413);
    // authenticate is async and throws: Express 5 hands the rejection to the error handler.
    const forged = await api.call('POST', '/campaigns', { token: 'forged', body: { padding: 'x'.repeat(100_000) } });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('session_expired');
  });
});
