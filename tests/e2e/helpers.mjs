// Shared set-up for the end-to-end tests: serve dist/ under a sub-path, drive Debian's Chromium.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import fs from 'node:fs';

export const PREFIX = '/some/deep/sub-path/gongshi/';
export const OUT = new URL('./output/', import.meta.url).pathname;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function setup() {
  if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `make dist` first');
  fs.mkdirSync(OUT, { recursive: true });
  // Serve with exactly the header set `make dist` wrote: the strict CSP is under test everywhere.
  const headers = JSON.parse(fs.readFileSync('dist-headers/headers.json', 'utf8'));
  const { server, url } = await startServer({ dir: 'dist', port: 0, prefix: PREFIX, headers });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return { server, url, browser, headers };
}

/** A phone-sized page that records console errors and uncaught exceptions. */
export async function phonePage(browser, { serviceWorkers = 'block' } = {}) {
  // Service workers are blocked unless a test is about them: requests a worker makes are not
  // seen by page.route(), which the bad-data tests rely on.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // A CSP violation is reported to the console as an error, and also as an event we collect.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  // The app reads some files again after the page has shown (the history's per-visit check):
  // a test's route handler may still be answering one when the test closes the context.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    for (const p of context.pages()) await p.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => {});
    await context.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => {});
    return close(...args);
  };
  return { context, page, errors };
}

/** Asserts the page does not scroll sideways at its width. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Serves manifest.json with `edit(manifest)` applied (e.g. to drop or falsify checksums). */
export async function editManifest(page, edit) {
  await page.route('**/data/manifest.json', async (route) => {
    const resp = await route.fetch();
    const m = await resp.json();
    edit(m);
    await route.fulfill({ response: resp, body: JSON.stringify(m) });
  });
}

/** Tests that replace a data file must also drop its checksum, or the app (rightly) refuses it. */
export async function dropChecksums(page) {
  await editManifest(page, (m) => { for (const d of m.datasets) { delete d.sha256; delete d.bytes; } });
}

/**
 * Opens `url` as a visitor who then uses the page. On a phone, a page's plain link shows its
 * prerendered static view and starts the app on the first interaction (scripts/prerender.mjs):
 * this gives it one (a key press, once the loader listens) and, unless `takeover: false`, waits
 * until the app has replaced the static view. Elsewhere it is `page.goto`.
 */
export async function gotoApp(page, url, { takeover = true, ...options } = {}) {
  const response = await page.goto(url, options);
  await startApp(page, { takeover });
  return response;
}

/** When a static view shows, interacts once (a key press) so the app starts; see gotoApp. */
export async function startApp(page, { takeover = true } = {}) {
  await page.waitForFunction(() => typeof window.gongshiStart === 'function' || document.documentElement.classList.contains('no-prerender') || !document.getElementById('prerender'), null, { timeout: 30000 });
  if (await page.locator('#prerender').count() && !(await page.evaluate(() => document.documentElement.classList.contains('no-prerender')))) {
    await page.keyboard.press('Shift');
    if (takeover) await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 30000 });
  }
}

/** `page.reload()`, then as gotoApp: the app takes over from a static view. */
export async function reloadApp(page, options = {}) {
  const response = await page.reload(options);
  await startApp(page);
  return response;
}
