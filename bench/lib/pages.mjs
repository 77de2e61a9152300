// Every page as a visitor who follows a shared link meets it (issue 15): the six pages in both
// languages, each opened by its own plain link, served by the plainest static host (gzip on the
// fly, no precompressed copies, no special headers) under a sub-path.
//
// - Lighthouse (default mobile profile, simulated throttling) per page.
// - A first visit on a throttled phone, measured in the page (an independent way): 4× CPU
//   slowdown, 1.6 Mbps down, 150 ms added to every request, no cache, 390×844: from navigation
//   start to the frame that first holds the page's main content (first ledger rows, the 21
//   problems, the county table, …).
// - A tap from the overview to the donations page: on the static overview (before the app has
//   started: the link is a plain link), and once the app has taken over (the app navigates).
import fs from 'node:fs';
import path from 'node:path';
import { freshPage } from './browser.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { br } from './bundle.mjs';
// The pages and languages that have a first view, and their plain links, as the build makes them.
import { PAGES, LANGS, query as pageQuery } from '../../scripts/prerender.mjs';

/** What "the page's content is on screen" means for each page (static view or app alike). */
export const MAIN_CONTENT = {
  overview: 'main .card',
  rectification: 'main .problem',
  donations: 'main table.data-table tbody tr',
  relief: 'main table.data-table tbody tr',
  coverage: 'main .col-county',
  data: 'main .dataset.card',
};

export const THROTTLE = { cpu: 4, downKbps: 1600, upKbps: 750, latencyMs: 150 };

export const pageList = () => LANGS.flatMap((lang) => PAGES.map((page) => ({ page, lang, query: pageQuery(page, lang) })));

/** Lighthouse on every page; `runs` per page, the median run's figures. */
export async function lighthousePages(siteUrl, runs, log = console.log) {
  const out = [];
  for (const p of pageList()) {
    try {
      const r = await runLighthouse(siteUrl + p.query, runs);
      out.push({ ...p, ...r });
      log(`  ${p.page}.${p.lang}: performance ${r.performance} (runs ${r.performanceScores.join(', ')}), LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, accessibility ${r.accessibility}, best practices ${r.bestPractices}`);
    } catch (e) {
      out.push({ ...p, error: String(e.message || e).split('\n')[0] });
      log(`  ${p.page}.${p.lang}: could not run: ${out.at(-1).error}`);
    }
  }
  return out;
}

async function throttle(s) {
  await s.cdp.send('Network.enable');
  await s.cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await s.cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: (THROTTLE.downKbps * 1000) / 8,
    uploadThroughput: (THROTTLE.upKbps * 1000) / 8,
  });
  await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
}

// In the page, before its scripts: watch every frame for the selector (in window.__watch) and
// record the wall-clock time of the first frame that holds it, visible.
const WATCH = () => {
  window.__seen = null;
  const tick = () => {
    const sel = window.__watch;
    if (sel && window.__seen === null) {
      const el = document.querySelector(sel);
      if (el && el.getClientRects().length > 0) window.__seen = Date.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function phone(browser) {
  const s = await freshPage(browser, { viewport: { width: 390, height: 844 } });
  await s.page.addInitScript(WATCH);
  await throttle(s);
  return s;
}

/** ms from navigation start to the first frame holding `sel`. */
async function openWatching(s, url, sel) {
  await s.page.addInitScript((selector) => { window.__watch = selector; }, sel);
  await s.page.goto(url, { waitUntil: 'commit' });
  await s.page.waitForFunction(() => window.__seen !== null, null, { timeout: 60000, polling: 200 });
  return s.page.evaluate(() => window.__seen - performance.timeOrigin);
}

/** Throttled first visits: every page by its own link; then the taps from the overview. */
export async function throttledVisits(browser, siteUrl, log = console.log) {
  const visits = [];
  for (const p of pageList()) {
    const s = await phone(browser);
    try {
      const ms = await openWatching(s, siteUrl + p.query, MAIN_CONTENT[p.page]);
      const booted = await s.page.evaluate(() => performance.getEntriesByName('gongshi:main').length > 0);
      visits.push({ ...p, ms, staticView: !booted });
      log(`  ${p.page}.${p.lang}: main content after ${Math.round(ms)} ms${booted ? ' (by the app)' : ' (static view)'}`);
    } catch (e) {
      visits.push({ ...p, error: String(e.message || e).split('\n')[0] });
      log(`  ${p.page}.${p.lang}: ${visits.at(-1).error}`);
    } finally {
      await s.context.close();
    }
  }

  const taps = [];
  const tap = async (label, prepare) => {
    let s = null;
    try {
      s = await phone(browser);
      await openWatching(s, siteUrl, MAIN_CONTENT.overview);
      await prepare(s);
      const link = s.page.locator('nav.site a[href*="page=donations"]').first();
      const box = await link.boundingBox();
      await s.page.addInitScript((selector) => { window.__watch = selector; }, MAIN_CONTENT.donations);
      await s.page.evaluate((selector) => { window.__watch = selector; window.__seen = null; }, MAIN_CONTENT.donations);
      const t0 = Date.now();
      await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await s.page.waitForFunction(() => window.__seen !== null && new URLSearchParams(location.search).get('page') === 'donations', null, { timeout: 60000, polling: 200 });
      const ms = (await s.page.evaluate(() => window.__seen)) - t0;
      const byApp = await s.page.evaluate(() => performance.getEntriesByName('gongshi:main').length > 0 && !document.getElementById('prerender'));
      taps.push({ label, ms, byApp });
      log(`  tap 捐赠 ${label}: donations' ledger rows after ${Math.round(ms)} ms${byApp ? ' (the app navigated)' : ' (a new page load)'}`);
    } catch (e) {
      taps.push({ label, error: String(e.message || e).split('\n')[0] });
      log(`  tap ${label}: ${taps.at(-1).error}`);
    } finally {
      await s?.context.close().catch(() => {});
    }
  };
  await tap('on the static overview', async () => {});
  await tap('once the app has taken over', async (s) => {
    await s.page.mouse.wheel(0, 200);
    await s.page.waitForFunction(() => performance.getEntriesByName('gongshi:app:shown').length > 0 && !document.getElementById('prerender'), null, { timeout: 120000, polling: 200 });
    await s.page.mouse.wheel(0, -400);
    await s.page.waitForTimeout(300);
  });
  return { visits, taps, throttle: THROTTLE };
}

/**
 * The app's code (wasm + JS, brotli 11) that a page loads once the visitor interacts. The app is
 * several builds (scripts/bundles.mjs): each page loads one, so what one page needs is the largest.
 */
export function codeSizes(distDir) {
  const files = fs.readdirSync(distDir).filter((f) => /^gongshi-[a-z]+-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f));
  const builds = {};
  for (const f of files) {
    const buf = fs.readFileSync(path.join(distDir, f));
    const name = f.replace(/-[0-9a-f]+(\.js|_bg\.wasm)$/, '');
    (builds[name] ??= { name, files: [], brotli: 0, raw: 0 });
    builds[name].files.push({ file: f, raw: buf.length, brotli: br(buf) });
    builds[name].brotli += br(buf);
    builds[name].raw += buf.length;
  }
  const all = Object.values(builds).sort((a, b) => b.brotli - a.brotli);
  const largest = all[0];
  return { builds: all, files: largest.files, brotli: largest.brotli, raw: largest.raw };
}
