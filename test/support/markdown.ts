/** The fenced code blocks of a Markdown text: what the README tests compile and run. */

export interface CodeBlock {
  /** The fence's language (`tsx`), lower case; `''` for none. */
  readonly lang: string;
  /** Words after the language (`no-check`). */
  readonly flags: readonly string[];
  /** README line (1-based) of the block's first line of code. */
  readonly line: number;
  readonly code: string;
}

/** The fenced code blocks of a Markdown text (``` or ~~~, three or more). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[end] ?? '')) end++;
    blocks.push({
      lang: (open[2] ?? '').toLowerCase(),
      flags: (open[3] ?? '').split(/\s+/).filter(Boolean),
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
    });
    i = end;
  }
  return blocks;
}

