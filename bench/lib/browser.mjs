// Debian's Chromium through playwright-core (from the root node_modules), with the project's flags.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { ROOT } from './data.mjs';

const require = createRequire(ROOT + '/package.json');
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
export const INPAGE = new URL('./inpage.js', import.meta.url).pathname;
const TIMEOUT = 20 * 60 * 1000; // a million rows take a while; a hang still ends

export async function launch() {
  // --js-flags=--expose-gc is not needed: GC is forced through the DevTools protocol.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 120000 });
}

/** A fresh desktop-sized context (no cache, no service worker) and page with the bench's init script. */
export async function freshPage(browser, { serviceWorkers = 'block', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', serviceWorkers });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  await page.addInitScript({ path: INPAGE });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('crash', () => errors.push('page crashed'));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

/** JS heap in use after a forced garbage collection (bytes). */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return m.JSHeapUsedSize;
}

/** "Chromium 156.0.…" as the binary reports it. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
