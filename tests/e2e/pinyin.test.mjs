// 拼音检索 (issue 18) in the app: the table downloads only once a Latin letter is typed; a donor
// typed in full pinyin, by initials or as 张xs is found (the pinyin written by pinyin-pro, not by
// the app's table); a link with pinyin in it finds the same; the rectification page marks what a
// term spells on the Chinese text; without the table, a note, and search as typed still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { setup, phonePage, gotoApp } from './helpers.mjs';

const donations = JSON.parse(fs.readFileSync('public/data/donations.json', 'utf8')).records;
// The donor "X先生/X女士" with the most donations (a name a phone user would look up).
const people = new Map();
for (const d of donations) if (/^\p{Script=Han}(先生|女士)$/u.test(d.donor)) people.set(d.donor, (people.get(d.donor) || 0) + 1);
const [name] = [...people.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
const syl = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
const count = async (page) => Number(((await page.locator('.result-count').innerText()).replace(/[,，\s]/g, '').match(/\d+/) || ['-1'])[0]);

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

test(`a donor found in pinyin (${name}: ${syl.join('')}), the table loaded only for a Latin letter`, async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const asked = [];
  page.on('request', (r) => { if (r.url().endsWith('/pinyin.txt')) asked.push(r.url()); });
  await gotoApp(page, `${env.url}?page=donations`);
  const box = page.locator('input[type=search]').first();
  await box.fill(name);
  await page.waitForFunction((n) => document.querySelector('table.data-table tbody')?.textContent.includes(n), name);
  const literal = await count(page);
  assert.ok(literal > 0);
  assert.deepEqual(asked, [], 'no table for a search in Chinese characters');
  for (const typed of [syl.join(''), syl.join(' '), syl.map((s) => s[0]).join(''), [...name][0] + syl.slice(1).map((s) => s[0]).join('')]) {
    await box.fill('');
    await box.pressSequentially(typed, { delay: 20 });
    await page.waitForFunction((n) => document.querySelector('table.data-table tbody')?.textContent.includes(n), name, { timeout: 20000 });
    const n = await count(page);
    assert.ok(n >= literal, `${typed}: ${n} rows, at least the ${literal} that say ${name}`);
    // Every row found shows why: what it spells is marked in it, on screen (a card shows the
    // folded field that holds the match; a channel's name such as 银行转账, or a code, is not
    // spelled: "zhang" once found every bank transfer by its 账).
    const unmarked = await page.evaluate(() => [...document.querySelectorAll('table.data-table tbody tr')].filter((tr) => ![...tr.querySelectorAll('mark')].some((m) => m.getClientRects().length > 0)).map((tr) => tr.textContent.slice(0, 60)));
    assert.deepEqual(unmarked, [], `${typed}: rows without a mark`);
  }
  // Syllables alone, by their own links (in English too, where a channel's name is translated):
  // only rows that show them (not every 银行转账 row for "zhang", nor what paid for a row).
  for (const q of [`${syl[0]}&lang=en`, 'zhang&lang=en', 'zhuan', 'zeng']) {
    const p = await context.newPage();
    await gotoApp(p, `${env.url}?page=donations&q=${q}`);
    await p.waitForFunction(() => document.querySelector('table.data-table tbody mark'), null, { timeout: 20000 });
    const unmarked = await p.evaluate(() => [...document.querySelectorAll('table.data-table tbody tr')].filter((tr) => ![...tr.querySelectorAll('mark')].some((m) => m.getClientRects().length > 0)).map((tr) => tr.textContent.slice(0, 60)));
    assert.deepEqual(unmarked, [], `${q}: rows without a mark`);
    // A marked word stays joined to the rest of its text (崇阳县, not 崇阳 县).
    const parted = await p.evaluate(() => [...document.querySelectorAll('table.data-table tbody td mark')]
      .filter((m) => m.getClientRects().length && m.nextSibling?.nodeType === Node.TEXT_NODE)
      .map((m) => {
        const r = document.createRange();
        r.selectNodeContents(m.nextSibling);
        const a = m.getBoundingClientRect();
        const b = r.getClientRects()[0];
        return b && Math.abs(b.top - a.top) < 2 ? [m.parentElement.textContent, Math.round(b.left - a.right)] : null;
      })
      .filter((g) => g && g[1] > 1));
    assert.deepEqual(parted, [], `${q}: a marked word parted from its text`);
    await p.close();
  }
  // A surname with another reading is found by it too (曾 zeng / ceng, 单 shan / dan, …).
  const alt = { 曾: 'ceng', 单: 'dan', 解: 'jie', 查: 'cha', 仇: 'chou' }[[...name][0]];
  if (alt) {
    await box.fill('');
    await box.pressSequentially(alt + syl.slice(1).join(''), { delay: 20 });
    await page.waitForFunction((n) => document.querySelector('table.data-table tbody')?.textContent.includes(n), name, { timeout: 20000 });
  }
  // What it spells is marked on the Chinese text of the rows.
  await page.waitForFunction((n) => [...document.querySelectorAll('table.data-table tbody mark')].some((m) => m.textContent === n), name, { timeout: 20000 });
  assert.equal(asked.length, 1, 'the table downloaded once');
  // A link with pinyin in it (as shared): the same rows.
  const other = await context.newPage();
  await gotoApp(other, `${env.url}?page=donations&q=${encodeURIComponent(syl.join(''))}`);
  await other.waitForFunction((n) => document.querySelector('table.data-table tbody')?.textContent.includes(n), name, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the rectification page: a term spelled in pinyin finds the problems and marks the characters', async () => {
  const report = JSON.parse(fs.readFileSync('public/data/rectification.json', 'utf8'));
  const word = '募捐';
  const spelled = pinyin(word, { toneType: 'none', type: 'array' }).join('');
  const withIt = report.problems.filter((p) => p.title.includes(word)).length;
  assert.ok(withIt > 0);
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=rectification`);
  await page.locator('input[type=search]').first().pressSequentially(spelled, { delay: 20 });
  const marks = page.locator('.ptitle mark');
  await page.waitForFunction((n) => document.querySelectorAll('.ptitle mark').length >= n, withIt, { timeout: 20000 });
  const marked = await marks.allInnerTexts();
  assert.equal(marked.length, withIt, `every title with ${word} marked once: ${marked}`);
  assert.ok(marked.every((m) => m === word), `marked: ${marked}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the table: a note under the box, and the search still matches what is typed', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.route('**/pinyin.txt', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await gotoApp(page, `${env.url}?page=donations`);
  const box = page.locator('input[type=search]').first();
  await box.pressSequentially('zxs', { delay: 20 });
  await page.locator('.pinyin-failed').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.pinyin-failed').innerText(), /拼音检索暂不可用/);
  // Letters still match letters: a record id.
  const id = donations[0].id;
  await box.fill(id);
  await page.waitForFunction((n) => document.querySelector('table.data-table tbody')?.textContent.includes(n), id);
  await context.close();
});
