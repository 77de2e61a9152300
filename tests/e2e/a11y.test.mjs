// Accessibility: axe-core on every page at 390 px and 1280 px (and in English at 390 px): zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { setup, gotoApp } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const PAGES = [
  ['overview', '.card'],
  ['donations', 'table.data-table tbody tr'],
  ['relief', 'table.data-table tbody tr'],
  ['coverage', 'table.data-table tbody tr'],
  ['rectification', 'li.problem'],
  ['data', 'li.dataset'],
  // Reached from the footer and the donations page (their own links too).
  ['history', '.history-ok'],
  ['lookup&no=XNHH-2019-000002', '.lookup-card'],
];

for (const [width, lang] of [[390, ''], [1280, ''], [390, '&lang=en']]) {
  test(`axe: no violations on any page at ${width} px${lang}`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const found = [];
    for (const [key, ready] of PAGES) {
      await gotoApp(page, `${env.url}?page=${key}${lang}`);
      await page.locator(ready).first().waitFor();
      // Fonts in and the page painted (two frames) before axe reads colours and sizes.
      await page.evaluate(async () => { await document.fonts.ready; await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); });
      // axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(AXE);
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of result) found.push(`${key}: ${v.id} (${v.impact}) ${v.nodes.join(' | ')}`);
    }
    await context.close();
    assert.deepEqual(found, []);
  });
}
