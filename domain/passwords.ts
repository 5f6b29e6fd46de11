// Password rules for every account (OWASP ASVS 2.1.1, 2.1.7): at least 10 characters, not containing the
// username, not one of the commonly used passwords (zxcvbn-ts's list of ~49,000, plus those common on
// Chinese sites that it lacks). Temporary passwords are random and shown once.
import { randomInt } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// Frequent in leaked Chinese password sets (CSDN, 12306 and others) and absent from zxcvbn's English list.
const COMMON_CN = [
  'woaini1314',
  'woaini520',
  'qq123456789',
  'a123456789',
  '1qaz2wsx3edc',
  'zxcvbnm123',
  'aa123456789',
  'iloveyou1314',
  'abc123456789',
  '5201314520',
  '1314520520',
  'password123',
  'admin12345',
  'admin123456',
];
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set([...(dictionary.passwords as string[]), ...COMMON_CN].map((p) => p.toLowerCase())));

export interface PasswordProblem {
  rule: 'length' | 'username' | 'common' | 'same';
  messageZh: string;
  messageEn: string;
}

/** Every rule a new password breaks (empty when it is acceptable). */
export function passwordProblems(password: string, username: string, oldPassword?: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    out.push({
      rule: 'length',
      messageZh: `长度须为 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 个字符`,
      messageEn: `must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters long`,
    });
  // bcrypt reads the first 72 bytes only: a longer password would not be what the user thinks it is.
  if (Buffer.byteLength(password, 'utf8') > 72)
    out.push({ rule: 'length', messageZh: '不能超过 72 字节（约 24 个汉字）', messageEn: 'must be at most 72 bytes (about 24 Chinese characters)' });
  const u = username.trim().toLowerCase();
  if (u && password.toLowerCase().includes(u)) out.push({ rule: 'username', messageZh: '不能包含用户名', messageEn: 'must not contain the username' });
  if (commonPasswords().has(password.toLowerCase()))
    out.push({ rule: 'common', messageZh: '是常见密码，容易被猜中', messageEn: 'is a commonly used password' });
  if (oldPassword !== undefined && password === oldPassword)
    out.push({ rule: 'same', messageZh: '不能与原密码相同', messageEn: 'must differ from the current password' });
  return out;
}

// No 0/O, 1/l/I: a temporary password is read off a screen or a slip of paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** How long a temporary password signs in (ASVS 2.3.1: initial passwords expire soon). */
export const TEMPORARY_PASSWORD_HOURS = 72;
export const temporaryUntil = (now = Date.now()) => new Date(now + TEMPORARY_PASSWORD_HOURS * 3600_000);

/** A one-time password an admin hands over; it must be changed at the first sign-in. */
export function temporaryPassword(length = 14): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
