// Debian's Chromium and a static server on 127.0.0.1: what the story, end-to-end, smoke and
// bench runs share. Plain ESM so that the Node scripts can use it as they are.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium: nothing here may download a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless as root on a machine whose only network is loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium with the flags above. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serves a directory on 127.0.0.1 (a free port). `headers` go on every answer (the
 * Content-Security-Policy); a function gets the request's URL. `/` is `index.html`; `files` maps
 * paths to files outside `dir`; anything else outside `dir` or missing is a 404; only GET and
 * HEAD. Each path asked is pushed onto `requested`, when given.
 */
export async function startStaticServer(dir, headers = {}, { files = {}, requested } = {}) {
  const root = normalize(dir + sep);
  const server = createServer((req, res) => {
    void (async () => {
      let url;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        return res.writeHead(400).end();
      }
      requested?.push(req.url ?? '/');
      const common = {
        ...(typeof headers === 'function' ? headers(url) : headers),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      const send = (status, text) => res.writeHead(status, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'Bad request');
      }
      const mapped = Object.hasOwn(files, pathname) ? files[pathname] : null;
      const file = mapped ?? normalize(join(root, pathname === '/' ? 'index.html' : pathname));
      if (!mapped && !file.startsWith(root)) return send(404, 'Not found');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(404, 'Not found');
      res.writeHead(200, { ...common, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(info.size) });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    })().catch(() => res.destroy());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
