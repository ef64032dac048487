/**
 * The static server of the custom-element pages (test/e2e/element.test.ts): node:http on
 * 127.0.0.1, a free port. It serves the hand-written pages of ./pages as they are (no build step),
 * the element built into a temporary directory as `/element.js` (and the same file again as
 * `/element-copy.js`, a second module instance for the double-import test), and Vue's
 * runtime-only browser build as `/vue.js`.
 *
 * Every answer carries the strict Content-Security-Policy below. Its `connect-src` names the one
 * simulator the page talks to: the origin in the page's `?sim=` (checked to be a loopback HTTP
 * origin), so a page can reach that simulator and nothing else.
 */
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../../support/browser.mjs';

/** The pages, scripts and stylesheet of the tests, served as written. */
export const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
/** Vue's runtime-only ESM browser build (no template compiler: that one needs `unsafe-eval`). */
export const VUE_RUNTIME = fileURLToPath(new URL('../../../../node_modules/vue/dist/vue.runtime.esm-browser.prod.js', import.meta.url));

/**
 * test/e2e/support/desktop.ts's STRICT_CSP, with `connect-src` narrowed from any loopback port to
 * the one simulator, and `base-uri` / `object-src` closed.
 */
export function strictCsp(simOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${simOrigin ? ` ${simOrigin}` : ''}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

export interface ElementPageServer {
  readonly url: string;
  /** Every path asked, in order (the Guid must never be in one). */
  readonly requested: string[];
  close(): Promise<void>;
}

/** `files`: more paths served from files outside ./pages (the README's example). */
export async function startElementPageServer({ elementFile, files = {} }: { elementFile: string; files?: Record<string, string> }): Promise<ElementPageServer> {
  const requested: string[] = [];
  const server = await startStaticServer(
    PAGES_DIR,
    (url) => {
      const sim = url.searchParams.get('sim');
      return { 'Content-Security-Policy': strictCsp(sim && /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(sim) ? sim : null) };
    },
    { files: { '/element.js': elementFile, '/element-copy.js': elementFile, '/vue.js': VUE_RUNTIME, ...files }, requested },
  );
  return { ...server, requested };
}
