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
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface ElementPageServer {
  readonly url: string;
  /** Every path asked, in order (the Guid must never be in one). */
  readonly requested: string[];
  close(): Promise<void>;
}

export async function startElementPageServer({ elementFile }: { elementFile: string }): Promise<ElementPageServer> {
  const root = normalize(PAGES_DIR + sep);
  const mapped: Record<string, string> = {
    '/element.js': elementFile,
    '/element-copy.js': elementFile,
    '/vue.js': VUE_RUNTIME,
  };
  const requested: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        res.writeHead(400).end();
        return;
      }
      requested.push(req.url ?? '/');
      const sim = url.searchParams.get('sim');
      const simOrigin = sim && /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(sim) ? sim : null;
      const headers = {
        'Content-Security-Policy': strictCsp(simOrigin),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      const send = (status: number, text: string) =>
        res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
      const pathname = decodeURIComponent(url.pathname);
      const file = Object.hasOwn(mapped, pathname) ? mapped[pathname]! : normalize(join(root, pathname));
      if (!Object.hasOwn(mapped, pathname) && !file.startsWith(root)) return send(404, 'Not found');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(404, 'Not found');
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('element page server: no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
