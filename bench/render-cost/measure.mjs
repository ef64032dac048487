// Builds the render-cost page, serves it on 127.0.0.1 and measures it in Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium, startStaticServer } from '../../test/support/browser.mjs';

const here = resolve(fileURLToPath(import.meta.url), '..');

export async function measureRenderCost(rounds = 500) {
  const outDir = mkdtempSync(join(tmpdir(), 'cip-render-cost-'));
  let server;
  let browser;
  try {
    await build({ root: here, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
    server = await startStaticServer(outDir);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => typeof window.measureRenderCost === 'function', null, { timeout: 30_000 });
    return await page.evaluate((n) => window.measureRenderCost(n), rounds);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await measureRenderCost());
