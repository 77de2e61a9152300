// The peers: the JSON floor (fetch + JSON.parse + plain objects) and Tabulator 6, on a bench
// page served beside the app, timed with the same in-page helper as the app.
import { freshPage, heapAfterGc } from './browser.mjs';
import { REPEATS, CLICKS } from './app.mjs';

/** One run of the JSON floor in a fresh page. */
export async function baseline(browser, benchUrl) {
  const s = await freshPage(browser);
  try {
    await s.page.goto(benchUrl + '_bench/baseline.html');
    await s.page.waitForFunction(() => window.__baselineReady === true);
    return await s.page.evaluate(() => window.__runBaseline());
  } finally {
    await s.context.close();
  }
}

/** Builds Tabulator (`variant`, see pages/tabulator.js), then memory and the same interactions. */
export async function tabulator(browser, benchUrl, variant, keys, { interactions = true } = {}) {
  const s = await freshPage(browser);
  try {
    await s.page.goto(benchUrl + '_bench/tabulator.html');
    await s.page.waitForFunction(() => window.__tabulatorReady === true);
    const load = await s.page.evaluate((v) => window.__build(v), variant);
    const jsHeap = await heapAfterGc(s.cdp);
    if (!interactions) return { variant, load, jsHeap, errors: s.errors };
    const r = await s.page.evaluate(async ({ keys, repeats, clicks, header }) => {
      const b = window.__bench;
      const table = window.__table;
      const read = () => {
        const row = document.querySelector('.tabulator-row');
        return table.getDataCount('active') + ' | ' + (row ? row.textContent : '');
      };
      const since = performance.now();
      const search = [];
      const headerInput = () => document.querySelector('.tabulator-col[tabulator-field="donor"] .tabulator-header-filter input');
      // The header filter fires from keyup through a setTimeout (delay 0): wait for that timer too.
      const timer = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < repeats; i++) {
        for (const v of keys) {
          let t;
          if (header) {
            const input = headerInput();
            t = await b.time(() => { input.value = v; input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true })); }, read, timer);
          } else {
            const input = document.getElementById('q');
            t = await b.time(() => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); }, read);
          }
          search.push({ key: v, ...t });
        }
      }
      const sort = [];
      for (let i = 0; i < clicks; i++) {
        const dir = i % 2 ? 'asc' : 'desc';
        sort.push(await b.time(() => table.setSort('amount', dir), read));
      }
      const facet = [];
      for (let i = 0; i < clicks; i++) {
        const on = i % 2 === 0;
        facet.push(await b.time(() => (on ? table.setFilter('channel', '=', '银行转账') : table.clearFilter()), read));
      }
      const longtasks = b.longtasks.filter((t) => t.start >= since);
      return { search, sort, facet, longtasks };
    }, { keys, repeats: REPEATS, clicks: CLICKS, header: variant === 'paged-header' });
    return { variant, load, jsHeap, ...r, errors: s.errors };
  } finally {
    await s.context.close();
  }
}
