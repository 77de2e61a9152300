// Every page on a phone, opened by its own link (as most visitors arrive): at 390 and 320 px
// wide, no table wider than the screen, no cell squashed to a character a line, no target under
// 24 × 24 CSS px, no sideways scrolling, and (at 390 × 844, default data) no page taller than 12
// screens. Large-text mode: one tap from the header, kept in the address, every page still fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, OUT, gotoApp, startApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

// The history and a lookup's answer too: they are reached from the footer and the donations page.
const PAGES = ['overview', 'rectification', 'donations', 'relief', 'coverage', 'data', 'history', 'lookup&no=XNHH-2019-000002'];

async function phone(width, { height = 844 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/** Waits until the page's main content is there (not a loading line). */
async function ready(page, name) {
  const main = {
    overview: '#app .cards, #prerender .cards',
    rectification: '.problem',
    donations: 'table.data-table tbody tr',
    relief: 'table.data-table tbody tr',
    coverage: 'table.data-table tbody tr',
    data: '.dataset',
    history: '.history-ok',
    'lookup&no=XNHH-2019-000002': '.lookup-card',
  }[name];
  await page.locator(main).first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 20000 });
}

/** What a phone user would trip over, measured in the page. */
function measure() {
  const vw = document.documentElement.clientWidth;
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const wideTables = [...document.querySelectorAll('table')].filter(visible)
    .filter((t) => t.getBoundingClientRect().right > vw + 1 || t.getBoundingClientRect().width > vw)
    .map((t) => `${t.className}: ${Math.round(t.getBoundingClientRect().width)} px`);
  // A cell squashed to a character or two a line: many line boxes for its text.
  const squashed = [];
  for (const cell of [...document.querySelectorAll('td, th')].filter(visible)) {
    const text = cell.innerText.replace(/\s+/g, '');
    if (text.length < 4) continue;
    // Line boxes of the cell's text (text nodes only; a badge's own box is no line), tops
    // closer than 8 px counted as one line.
    const tops = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
    }
    tops.sort((a, b) => a - b);
    const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 8).length;
    if (lines >= 3 && text.length / lines < 2.5) squashed.push(`${cell.tagName} "${text.slice(0, 20)}" in ${lines} lines`);
  }
  const small = [...document.querySelectorAll('a[href], button, input, select, summary, textarea, [role="button"]')].filter(visible)
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
    .map((e) => `${e.tagName}.${e.className} "${(e.innerText || e.getAttribute('aria-label') || '').slice(0, 20)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);
  // A search box's example is read whole, not cut off at the box's edge.
  const ctx = document.createElement('canvas').getContext('2d');
  const cut = [...document.querySelectorAll('input[placeholder]')].filter(visible).filter((el) => {
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    return ctx.measureText(el.placeholder).width > el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 0.5;
  }).map((el) => el.placeholder);
  // The organisation's name in the header: a name without spaces (Chinese) on one line, not
  // broken inside by the buttons beside it (the short name where the page shows it instead).
  const h1 = document.querySelector('header.site h1');
  const shown = h1 && ([...h1.querySelectorAll('.org-full, .org-short')].find((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).position !== 'absolute')
    || [...h1.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
  let nameBroken = null;
  if (shown && !/\s/.test(shown.textContent.trim())) {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    if (lines > 1) nameBroken = `${shown.textContent.trim()} in ${lines} lines`;
  }
  return {
    nameBroken,
    overflow: document.documentElement.scrollWidth - vw,
    wideTables,
    squashed,
    small,
    cut,
    screens: document.documentElement.scrollHeight / innerHeight,
  };
}

// Chinese and English (longer words, more wrapping) at both widths.
for (const [width, lang] of [[390, 'zh'], [320, 'zh'], [390, 'en'], [320, 'en']]) {
  for (const name of PAGES) {
    const en = lang === 'en' ? '&lang=en' : '';
    test(`${name} at ${width} px${en ? ' in English' : ''}: fits the screen, nothing squashed, every target at least 24 px`, async () => {
      const { context, page, errors } = await phone(width);
      // First the prerendered static view a shared link opens, then the app that replaces it
      // (the history and a lookup have no static view: the app starts at once).
      const prerendered = !/^(history|lookup)/.test(name);
      await page.goto(`${env.url}?page=${name}${en}`);
      if (prerendered) await page.locator('#prerender main').waitFor({ timeout: 10000 });
      await ready(page, name);
      for (const which of prerendered ? ['static view', 'app'] : ['app']) {
        if (which === 'app') {
          await startApp(page);
          await ready(page, name);
        }
        const m = await page.evaluate(measure);
        assert.equal(m.overflow, 0, `${which}: no sideways scrolling`);
        assert.deepEqual(m.wideTables, [], `${which}: no table wider than the screen`);
        assert.deepEqual(m.squashed, [], `${which}: no cell squashed to a character a line`);
        assert.deepEqual(m.small, [], `${which}: no target under 24 × 24 px`);
        assert.deepEqual(m.cut, [], `${which}: no search example cut off`);
        assert.equal(m.nameBroken, null, `${which}: the organisation's name whole`);
        assert.ok(m.screens <= 12, `${which}: ${name} is ${m.screens.toFixed(1)} screens tall at ${width} px`);
        if (width === 390 && which === 'app') await page.screenshot({ path: `${OUT}phone-${name}-${width}${en ? '-en' : ''}.png`, fullPage: true });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// The organisation's name and the header's buttons scroll away; the tabs stay at the top, a
// strip, not a third of the screen (the whole header stayed before: 255 px at 320 px in English,
// 283 px in large text). A section jumped to lands below them, not under them.
for (const [width, query] of [[390, ''], [320, '&lang=en'], [390, '&lang=en&text=large']]) {
  test(`at ${width} px${query}: the tabs stay as the page scrolls, the rest of the header goes; a jump lands below the tabs`, async () => {
    const { context, page, errors } = await phone(width);
    await page.goto(`${env.url}?page=donations${query}`);
    await startApp(page);
    await ready(page, 'donations');
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(100);
    const m = await page.evaluate(() => {
      const nav = document.querySelector('nav.site').getBoundingClientRect();
      return { header: document.querySelector('header.site').getBoundingClientRect().bottom, navTop: nav.top, navHeight: nav.height, vh: innerHeight };
    });
    assert.ok(m.header <= 0, `the header has scrolled away (its bottom at ${m.header} px)`);
    assert.equal(Math.round(m.navTop), 0, 'the tabs are at the top');
    assert.ok(m.navHeight <= 0.15 * m.vh, `the tabs take ${Math.round(m.navHeight)} px of ${m.vh}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('nav.jump button').nth(1).click();
    await page.waitForTimeout(400);
    const under = await page.evaluate(() => document.getElementById('ledger-charts').getBoundingClientRect().top - document.querySelector('nav.site').getBoundingClientRect().bottom);
    assert.ok(under >= 0, `the charts' heading is ${-under} px under the tabs`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a ledger row on a phone: the first fields at once, the rest on a tap; sorting by chips and the CSV still work', async () => {
  const { context, page, errors } = await phone(390);
  await gotoApp(page, `${env.url}?page=donations`);
  await ready(page, 'donations');
  const row = page.locator('table.data-table tbody tr').first();
  for (const col of ['date', 'party', 'amount', 'flow', 'status']) {
    assert.ok(await row.locator(`.col-${col}`).isVisible(), `${col} is shown at once`);
  }
  assert.equal(await row.locator('.col-id').isVisible(), false, 'the id waits for a tap');
  const more = row.getByRole('button', { name: '详情' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  // Closed, the type and status say what they are without their labels ("捐款收入 已到账"),
  // so 详情 fits on their line.
  const before = (col) => row.locator(`.col-${col}`).evaluate((e) => getComputedStyle(e, '::before').content);
  assert.deepEqual([await before('flow'), await before('status')], ['none', 'none']);
  const middle = async (l) => { const b = await l.boundingBox(); return Math.round(b.y + b.height / 2); };
  assert.ok(Math.abs((await middle(more)) - (await middle(row.locator('.col-status')))) < 12, '详情 on the status line');
  await more.click();
  assert.ok(await row.locator('.col-id').isVisible(), 'the id after a tap');
  assert.match(await row.locator('.col-id').innerText(), /^[A-Z]\d{4}-\d+/);
  assert.equal(await row.getByRole('button', { name: '收起' }).getAttribute('aria-expanded'), 'true');
  // Every field is labelled on the card.
  const label = await row.locator('.col-id').evaluate((e) => getComputedStyle(e, '::before').content);
  assert.equal(label, '"编号"');
  assert.equal(await before('flow'), '"类型"', 'open, the type has its label');
  // Sort by amount, largest first, from the chips.
  const amountChip = page.locator('table.data-table thead button.sort', { hasText: '金额' });
  assert.ok((await amountChip.boundingBox()).height >= 24);
  // (The address is written in place, not navigated: wait for it, not for a load.)
  await amountChip.click();
  await page.waitForFunction(() => /sort=-?amount/.test(location.search));
  if (!(await page.evaluate(() => /sort=-amount/.test(location.search)))) {
    await amountChip.click();
    await page.waitForFunction(() => /sort=-amount/.test(location.search));
  }
  const amounts = (await page.locator('table.data-table tbody td.col-amount').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')));
  assert.ok(amounts.length > 5);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a), 'largest first');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载 CSV/ }).click()]);
  assert.match(dl.suggestedFilename(), /\.csv$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('large text: one tap from the header, kept in the address and in links, every page still fits at 390 px, in both languages', async () => {
  const { context, page, errors } = await phone(390);
  await gotoApp(page, `${env.url}?page=relief`);
  await ready(page, 'relief');
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize));
  const toggle = page.getByRole('button', { name: '大字' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.waitForURL(/text=large/);
  await ready(page, 'relief');
  assert.equal(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed'), 'true');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large-text')));
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize));
  assert.ok(large >= normal * 1.2, `type grows: ${normal} → ${large}`);
  const lineHeight = await page.evaluate(() => { const s = getComputedStyle(document.body); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); });
  assert.ok(lineHeight >= 1.5, `line spacing ${lineHeight}`);
  // The tabs carry it to the next page.
  await page.locator('nav a.tab', { hasText: '组织覆盖' }).click();
  await page.waitForURL(/page=coverage.*text=large|text=large.*page=coverage/);
  await everyPageFitsInLargeText(page, (name, en) => `${OUT}phone-large-${name}${en ? '-en' : ''}.png`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every page in large text, in both languages, at the page's width: fits (see `measure`). */
async function everyPageFitsInLargeText(page, screenshot) {
  for (const en of ['', '&lang=en']) {
    for (const name of PAGES) {
      await gotoApp(page, `${env.url}?page=${name}&text=large${en}`);
      await ready(page, name);
      const m = await page.evaluate(measure);
      assert.equal(m.overflow, 0, `${name}${en}: no sideways scrolling`);
      assert.deepEqual(m.wideTables, [], `${name}${en}: no table wider than the screen`);
      assert.deepEqual(m.squashed, [], `${name}${en}: nothing squashed`);
      assert.deepEqual(m.small, [], `${name}${en}: targets`);
      assert.deepEqual(m.cut, [], `${name}${en}: no search example cut off`);
      assert.equal(m.nameBroken, null, `${name}${en}: the organisation's name whole`);
      if (screenshot) await page.screenshot({ path: screenshot(name, en), fullPage: true });
    }
  }
}

// Reflow (WCAG 1.4.10) with large text on the narrowest phone: English's longer words and
// amounts ("CNY 511,698.50 (12.28%)") are where a yearly card's value ran out of its card and
// the page scrolled sideways.
test('large text at 320 px, in both languages: no page scrolls sideways, no table wider than the screen, nothing squashed or cut off', async () => {
  const { context, page, errors } = await phone(320);
  await everyPageFitsInLargeText(page, null);
  assert.deepEqual(errors, []);
  await context.close();
});
