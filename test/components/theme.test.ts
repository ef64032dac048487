import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const filesUnder = (dir: string, ext: string): string[] =>
  readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));

/** The `--cip-*` colours of one scheme block, marked `/* @scheme name *\/` in tokens.css. */
function scheme(name: string): Record<string, string> {
  const css = read('src/theme/tokens.css');
  const start = css.indexOf(`@scheme ${name}`);
  expect(start, `scheme ${name}`).toBeGreaterThan(-1);
  const block = css.slice(css.indexOf('{', start), css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--cip-[\w-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour / background pairs the components use. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['foreground', 'surface'],
  ['foreground', 'surface-muted'],
  ['foreground-muted', 'surface'],
  ['foreground-muted', 'surface-muted'],
  ['accent', 'surface'],
  ['accent-foreground', 'accent'],
  ...['danger', 'warning', 'success', 'media-voice', 'media-video', 'media-chat', 'media-unknown'].flatMap(
    (name): Array<[string, string]> => [
      [`${name}-foreground`, `${name}-surface`],
      [`${name}-foreground`, 'surface'],
    ],
  ),
];

describe('theme tokens', () => {
  it.each(['light', 'dark', 'auto-dark'])('%s scheme: every text pair reaches 4.5:1', (name) => {
    const colours = scheme(name);
    for (const [fg, bg] of TEXT_PAIRS) {
      const ratio = contrast(colours[`--cip-${fg}`]!, colours[`--cip-${bg}`]!);
      expect(ratio, `${name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('dark follows the system in auto mode with the same values as dark', () => {
    expect(scheme('auto-dark')).toEqual(scheme('dark'));
    expect(Object.keys(scheme('dark')).sort()).toEqual(Object.keys(scheme('light')).sort());
  });

  it('switches schemes and density by data attributes', () => {
    const css = read('src/theme/tokens.css');
    expect(css).toContain(":where([data-color-scheme='dark'])");
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{[^{]*\[data-color-scheme='auto'\]/);
    expect(css).toContain(":where([data-density='compact'])");
  });

  it('sets color-scheme only on elements that ask for a scheme, never on the host page\'s root', () => {
    const css = [read('src/theme/tokens.css'), ...filesUnder('src/components', '.css').map(read)].join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
    const setting = [...css.matchAll(/([^{}]+)\{[^{}]*\bcolor-scheme\s*:\s*(\w+)/g)].map((m) => [m[1]!.trim(), m[2]]);
    expect(setting).toEqual([
      [":where([data-color-scheme='light'])", 'light'],
      [":where([data-color-scheme='dark'])", 'dark'],
      [":where([data-color-scheme='auto'])", 'dark'],
    ]);
  });
});

/** Splits a selector list at its top-level commas. */
function splitSelectorList(list: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      selectors.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  selectors.push(list.slice(start).trim());
  return selectors;
}

/** A selector without its `:where(...)` groups (which add no specificity). */
function withoutWhere(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    if (!selector.startsWith(':where(', i)) {
      out += selector[i];
      continue;
    }
    let depth = 0;
    for (i += ':where'.length; i < selector.length; i++) {
      if (selector[i] === '(') depth++;
      else if (selector[i] === ')' && --depth === 0) break;
    }
  }
  return out;
}

describe('component styles', () => {
  const cssFiles = filesUnder('src/components', '.css');

  it('ships one stylesheet importing the tokens and every component stylesheet', () => {
    const styles = read('src/styles.css');
    const imported = [...styles.matchAll(/@import '\.\/([^']+)'/g)].map((m) => `src/${m[1]}`);
    expect(imported[0]).toBe('src/theme/tokens.css');
    expect(imported.slice(1).sort()).toEqual(cssFiles.sort());
  });

  it.each(cssFiles)('%s: one class per rule (modifiers in :where()), scoped to styled roots, logical properties only', (file) => {
    const css = read(file).replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = [...css.matchAll(/(?:^|[{};])\s*([^{};]+?)\s*\{/g)]
      .map((m) => m[1]!)
      .filter((s) => !s.startsWith('@') && !/^(from|to|\d+%)$/.test(s));
    expect(rules.length).toBeGreaterThan(0);
    for (const selector of rules.flatMap(splitSelectorList)) {
      // What counts for specificity: everything outside `:where()` must be one `.cip-` class
      // (and a pseudo-element), so element resets of a host page lose and one class of theirs plus ours wins.
      expect(withoutWhere(selector).replace(/\s+/g, ''), selector).toMatch(/^\.cip-[A-Za-z]+-[A-Za-z]+(?:::before)?$/);
      expect(selector, selector).toMatch(/^\.cip-/);
      expect(selector, selector).toMatch(/:not\(\[data-unstyled\]( \*)?\)/);
    }
    expect(css).not.toMatch(/(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;])(?:left|right)\s*:|text-align:\s*(?:left|right)/m);
  });

  it('puts no rule in a cascade layer: unlayered host rules would beat every layered one', () => {
    for (const file of ['src/styles.css', 'src/theme/tokens.css', ...cssFiles]) expect(read(file), file).not.toMatch(/@layer\b/);
  });

  it('keeps the live region hidden at one class too', () => {
    expect(read('src/theme/tokens.css')).toMatch(/^\.cip-CallInfoView-announcer \{/m);
  });

  it('animates only when motion is welcome', () => {
    for (const file of cssFiles) {
      const css = read(file);
      const outsideMotionQuery = css.replace(/@media \(prefers-reduced-motion: no-preference\)\s*\{[\s\S]*?\n\}/g, '');
      expect(outsideMotionQuery, file).not.toMatch(/animation\s*:/);
      expect(outsideMotionQuery, file).not.toMatch(/transition\s*:/);
    }
  });

  it('gives every interactive part a visible focus ring', () => {
    const all = cssFiles.map(read).join('\n');
    for (const part of ['cip-CopyButton-root', 'cip-CallDataView-toggle', 'cip-CallInfoView-action']) {
      expect(all).toMatch(new RegExp(`${part}[^{]*:focus-visible[^{]*\\{[^}]*outline:[^}]*--cip-focus-ring`));
    }
  });
});

describe('component sources', () => {
  const sources = filesUnder('src/components', '.tsx');

  it.each(sources)('%s: no inline styles, no HTML injection', (file) => {
    const source = read(file);
    expect(source).not.toMatch(/\bstyle=\{/);
    expect(source).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });

  it.each(sources.filter((f) => !f.includes('internal')))('%s: buttons are type="button"', (file) => {
    const source = read(file);
    const buttons = source.match(/<button\b[^>]*>/g) ?? [];
    for (const button of buttons) expect(button, relative(root, file)).toContain('type="button"');
  });
});
