// The app's side: load time of the donations ledger, memory after load, then the interactions
// (search as you type, sort by amount, a channel facet) with the long tasks they cause.
import { freshPage, heapAfterGc } from './browser.mjs';

export const REPEATS = 5;
export const CLICKS = 6;

/** Opens ?page=donations in a fresh context and waits for the ledger; returns the page for more. */
export async function loadApp(browser, siteUrl) {
  const s = await freshPage(browser);
  await s.page.goto(siteUrl + '?page=donations', { waitUntil: 'domcontentloaded' });
  // The app's own marks when it has them, else the first table row (see inpage.js).
  const res = await s.page.waitForFunction(() => {
    const ready = performance.getEntriesByName('gongshi:ledger:ready')[0];
    if (ready) {
      const start = performance.getEntriesByName('gongshi:ledger:start')[0];
      return { method: 'marks', ms: ready.startTime - (start ? start.startTime : 0), start: start ? start.startTime : null, end: ready.startTime, rows: ready.detail && ready.detail.rows, firstRow: window.__bench.firstRowAt };
    }
    // No marks at all: the first table row (given a second in case the marks come after it).
    const started = performance.getEntriesByName('gongshi:ledger:start').length > 0;
    if (!started && window.__bench.firstRowAt !== null && performance.now() - window.__bench.firstRowAt > 1000) {
      return { method: 'first-row', ms: window.__bench.firstRowAt, start: 0, end: window.__bench.firstRowAt, rows: null, firstRow: window.__bench.firstRowAt };
    }
    return false;
  }, null, { polling: 100 });
  const load = await res.jsonValue();
  await s.page.waitForSelector('table.data-table tbody tr');
  // How many rows the page says it has (the ledger: donations, disbursements and goods).
  load.shown = await s.page.evaluate(() => {
    const m = (document.querySelector('.result-count')?.textContent || '').replace(/[,，\s]/g, '').match(/\d+/);
    return m ? Number(m[0]) : null;
  });
  return { ...s, load };
}

/** JS heap (after GC) and wasm linear memory of a loaded app page. */
export async function appMemory(s) {
  const jsHeap = await heapAfterGc(s.cdp);
  const wasm = await s.page.evaluate(() => (window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : null));
  return { jsHeap, wasm };
}

/** Runs the interactions in the page; every time is measured in the page by __bench.time. */
export async function appInteractions(s, keys) {
  return s.page.evaluate(async ({ keys, repeats, clicks }) => {
    const b = window.__bench;
    const read = b.readTable;
    const since = performance.now();
    const search = await b.typeAll(keys, repeats);
    const sort = [];
    for (let i = 0; i < clicks; i++) {
      const t = await b.time(() => document.querySelector('th.col-amount button.sort').click(), read);
      sort.push(t);
    }
    // A channel value in the facet panel (fieldset.facet whose legend says 渠道 / Channel).
    const facetBox = () => {
      const sets = [...document.querySelectorAll('fieldset.facet')];
      const fs = sets.find((f) => /渠道|Channel/.test(f.querySelector('legend')?.textContent || ''));
      if (!fs) return null;
      return fs.querySelector('[data-key="bank_transfer"] input') || fs.querySelector('input[type=checkbox]');
    };
    const facet = [];
    let facetError = null;
    if (!facetBox()) facetError = 'no channel facet (fieldset.facet with legend 渠道) found';
    else {
      for (let i = 0; i < clicks; i++) {
        const t = await b.time(() => facetBox().click(), read);
        facet.push(t);
      }
    }
    const longtasks = b.longtasks.filter((t) => t.start >= since);
    return { search, sort, facet, facetError, longtasks, longtaskError: b.longtaskError || null, loadLongtasks: b.longtasks.filter((t) => t.start < since) };
  }, { keys, repeats: REPEATS, clicks: CLICKS });
}
