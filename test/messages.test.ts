// The console's messages (admin-ui/src/<resource>/messages.ts, merged in admin-ui/src/messages/index.ts):
// Chinese and English have the same keys, none empty, with the same %{placeholders}, and no two files
// define the same section (the merge would keep one and silently drop the other). Needs no services.
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: unknown };
interface Catalogue {
  en: Tree;
  zh: Tree;
  parts: Record<string, { en: Tree; zh: Tree }>;
}

// The console resolves its imports as a bundler does (no file extensions), which the server's type check
// (NodeNext) refuses, so the module is loaded by a name the type checker does not follow; vitest resolves it.
const catalogue = '../admin-ui/src/messages/index.ts';
const { en, zh, parts } = (await import(catalogue)) as Catalogue;

/** Every leaf as [dotted key, value]. */
const leaves = (tree: Tree, prefix = ''): [string, unknown][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v as Tree, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
const placeholders = (text: string) => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();

describe('console messages', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zh));

  it('has every key in both languages', () => {
    expect(enLeaves.size).toBeGreaterThan(1000);
    expect(
      [...enLeaves.keys()].filter((k) => !zhLeaves.has(k)),
      'keys without a Chinese text',
    ).toEqual([]);
    expect(
      [...zhLeaves.keys()].filter((k) => !enLeaves.has(k)),
      'keys without an English text',
    ).toEqual([]);
  });

  it('has no empty text, and the same placeholders in both languages', () => {
    const all = [...enLeaves].map(([k, v]) => [`en ${k}`, v]).concat([...zhLeaves].map(([k, v]) => [`zh ${k}`, v]));
    expect(
      all.filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k),
      'empty or not text',
    ).toEqual([]);
    const differ = [...enLeaves].filter(([k, v]) => placeholders(String(v)).join() !== placeholders(String(zhLeaves.get(k) ?? '')).join());
    expect(
      differ.map(([k]) => k),
      'placeholders differ',
    ).toEqual([]);
  });

  it('defines each section in one file only', () => {
    for (const language of ['en', 'zh'] as const) {
      const owner = new Map<string, string>();
      for (const [name, part] of Object.entries(parts))
        for (const ns of ['resources', 'app'])
          for (const section of Object.keys((part[language][ns] as Tree | undefined) ?? {})) {
            const where = `${language} ${ns}.${section}`;
            expect(owner.get(where), `${where} is in ${owner.get(where)} and ${name}`).toBeUndefined();
            owner.set(where, name);
          }
    }
  });
});
