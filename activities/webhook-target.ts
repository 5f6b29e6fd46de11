// The SSRF guard of outgoing webhooks (OWASP Server-Side Request Forgery Prevention Cheat Sheet; OWASP ASVS
// 4.0 12.6.1): a coordinator chooses the URL and the worker posts to it from inside the bureau's network, so
// a URL that reaches back inside — loopback, private (RFC 1918), link-local with the cloud metadata address
// 169.254.169.254, shared (100.64.0.0/10), unique-local, unspecified, multicast, or an IPv6 form embedding
// one of these — is refused when it is saved and again at each delivery, since a name's DNS can change.
// At delivery the name is resolved once and the connection goes to the address that was checked (no
// second lookup for a rebinding name to answer differently), and redirects are never followed.
// WEBHOOK_ALLOW_HOSTS (runtime/config.ts) admits named in-house hosts. Address classes: ipaddr.js.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { webhookAllowHosts } from '../runtime/config.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type TargetCheck =
  /** `address`: where to connect (absent when the host is an IP literal); `unresolved`: the name did not resolve now. */
  { ok: true; host: string; address?: ResolvedAddress; unresolved?: string } | { ok: false; host: string; messageZh: string; messageEn: string };

/** Names of the address classes a webhook must not reach (ipaddr.js range names). */
const CLASSES: Record<string, [zh: string, en: string]> = {
  loopback: ['回环地址', 'a loopback address'],
  linkLocal: ['链路本地地址', 'a link-local address'],
  private: ['内网地址（RFC 1918）', 'a private address (RFC 1918)'],
  carrierGradeNat: ['共享地址（100.64.0.0/10）', 'a shared address (100.64.0.0/10)'],
  uniqueLocal: ['唯一本地地址（fc00::/7）', 'a unique-local address (fc00::/7)'],
  unspecified: ['未指定地址', 'an unspecified address'],
  multicast: ['组播地址', 'a multicast address'],
  broadcast: ['广播地址', 'a broadcast address'],
};
const SPECIAL: [string, string] = ['保留或特殊用途地址', 'a reserved or special-purpose address'];
/** The cloud instance metadata service (credentials of the host): the classic SSRF target. */
const METADATA: [string, string] = ['链路本地地址（云主机元数据服务）', 'a link-local address (the cloud metadata service)'];

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96'); // RFC 6052 well-known prefix: the IPv4 address is the last 32 bits

/** The IPv4 address an IPv6 address stands for: IPv4-mapped, IPv4-translated (RFC 6145), NAT64, IPv4-compatible. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = ip.parts;
  const last32 = () => new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
  const range = ip.range();
  if (range === 'ipv4Mapped') return ip.toIPv4Address();
  if (range === 'rfc6145' || ip.match(NAT64)) return last32();
  // ::a.b.c.d (RFC 4291 2.5.5.1, deprecated), but not :: and ::1 themselves.
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7]! > 1)) return last32();
  return undefined;
}

/** Why an address must not be reached ([zh, en] of its class), or undefined for an outside (global unicast) one. */
export function inwardClass(address: string): [string, string] | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') ip = embeddedIPv4(ip as ipaddr.IPv6) ?? ip;
  const range = ip.range();
  if (range === 'unicast' && (ip.kind() === 'ipv4' || (ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6))) return undefined;
  if (ip.toString() === '169.254.169.254') return METADATA;
  return CLASSES[range] ?? SPECIAL;
}

/** The URL's host as compared and resolved: lower case, IPv6 without brackets, no trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** One spelling per address (IPv4-mapped IPv6 as its IPv4), for the allow-list. */
const canonical = (host: string) => (isIP(host) ? ipaddr.process(host).toString() : host);

async function resolveAll(host: string, timeoutMs: number): Promise<ResolvedAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      lookup(host, { all: true, verbatim: true }).then((xs) => xs.map((x) => ({ address: x.address, family: x.family as 4 | 6 }))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: 'ETIMEOUT' })), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks where a webhook URL leads. A host (name or address) in the allow-list passes; otherwise an IP
 * literal must be an outside address, `localhost` names are refused outright (RFC 6761 6.3), and every
 * address a name resolves to must be an outside one (or itself in the allow-list). A name that does not
 * resolve now is `ok` with `unresolved` set: saving accepts it, a delivery retries later.
 */
export async function checkWebhookTarget(urlText: string, opts: { allow?: readonly string[]; timeoutMs?: number } = {}): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return { ok: false, host: '', messageZh: '地址无效', messageEn: 'not a URL' };
  }
  const host = hostOf(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, host, messageZh: '仅支持 http(s) 地址', messageEn: 'only http(s) URLs' };
  const allow = new Set((opts.allow ?? webhookAllowHosts(process.env)).map(canonical));
  const allowed = (h: string) => allow.has(canonical(h));
  const refuse = (address: string | undefined, [zh, en]: [string, string]): TargetCheck => ({
    ok: false,
    host,
    // A name's inward address is not repeated back: the form must not map the bureau's internal DNS.
    messageZh: `「${host}」${address && address !== host ? '解析为' : ''}是${zh}：推送接口只能指向外部地址（内部主机须由运维列入 WEBHOOK_ALLOW_HOSTS）`,
    messageEn: `${host}${address && address !== host ? ' resolves to an address that' : ''} is ${en}: a webhook may only reach outside addresses (an in-house host must be listed in WEBHOOK_ALLOW_HOSTS)`,
  });

  if (isIP(host)) {
    if (allowed(host)) return { ok: true, host };
    const inward = inwardClass(host);
    return inward ? refuse(host, inward) : { ok: true, host };
  }
  if ((host === 'localhost' || host.endsWith('.localhost')) && !allowed(host)) return refuse(undefined, CLASSES.loopback!);
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveAll(host, opts.timeoutMs ?? 5000);
  } catch (e) {
    return { ok: true, host, unresolved: (e as { code?: string }).code ?? (e as Error).message };
  }
  if (!addresses.length) return { ok: true, host, unresolved: 'ENODATA' };
  if (!allowed(host))
    for (const a of addresses) {
      const inward = allowed(a.address) ? undefined : inwardClass(a.address);
      if (inward) return refuse(a.address, inward);
    }
  return { ok: true, host, address: addresses[0]! };
}

/**
 * POSTs `body` to `url`, connecting to `address` (the one checked) instead of looking the name up again;
 * a new connection each time (agent: false), so no pooled socket outlives the check. Redirects are not
 * followed (node:http never follows them): the caller sees the 3xx. Resolves to the response status.
 */
export function postToCheckedAddress(
  url: URL,
  address: ResolvedAddress | undefined,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (!address) return callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4);
    if (options.all) return (callback as unknown as (e: null, xs: ResolvedAddress[]) => void)(null, [address]);
    callback(null, address.address, address.family);
  };
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume(); // the answer's body is not read: only its status counts
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
