// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-letter alphabet
// (no I, O, S, V, Z); positions 3-8 are the administrative division code; the last one is a check
// character computed from the first 17 with fixed weights, modulo 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid USCC character ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'charset' | 'division' | 'check';

/** Why a code is not a valid USCC, or undefined when it is. */
export function usccProblem(code: string): UsccProblem | undefined {
  if ([...code].length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === undefined;
}

/**
 * Why a code is not a valid USCC, naming the rule of GB 32100-2015 it breaks, in both languages (a clerk
 * can then fix a mistyped character instead of retyping the code): `ruleZh`/`ruleEn` the rule alone,
 * `messageZh`/`messageEn` the whole sentence. Undefined when the code is valid.
 */
export function usccProblemMessage(code: string): { ruleZh: string; ruleEn: string; messageZh: string; messageEn: string } | undefined {
  const rule = usccRule(code);
  return rule && { ruleZh: rule[0], ruleEn: rule[1], messageZh: `统一社会信用代码无效：${rule[0]}`, messageEn: `invalid USCC: ${rule[1]}` };
}

function usccRule(code: string): [zh: string, en: string] | undefined {
  const chars = [...code];
  switch (usccProblem(code)) {
    case undefined:
      return undefined;
    case 'length':
      return [`长度应为 18 位（现为 ${chars.length} 位）`, `it must be 18 characters long, not ${chars.length}`];
    case 'charset': {
      const bad = chars.find((ch) => !ALPHABET.includes(ch))!;
      const shown = bad.trim() ? bad : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return [
        `含不允许的字符「${shown}」（只用数字和大写字母，不使用 I、O、S、V、Z）`,
        `it contains "${shown}" (only digits and capital letters, never I, O, S, V or Z)`,
      ];
    }
    case 'division':
      return [
        `第 3–8 位应为行政区划码（6 位数字），现为「${code.slice(2, 8)}」`,
        `characters 3–8 must be the administrative division code (6 digits), not "${code.slice(2, 8)}"`,
      ];
    case 'check':
      return [`校验位错误，应为「${usccCheckChar(code.slice(0, 17))}」`, `the check character is wrong, it should be ${usccCheckChar(code.slice(0, 17))}`];
  }
}
