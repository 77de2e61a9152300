// 捐赠查询 (issue 18): one tap from the donations page; a receipt number finds the donation and,
// for a directed one, every disbursement it paid for and what is not yet used (the figures
// computed here from the shipped files, not written down); the answer has its own permalink;
// an unknown number gets a clear answer; sample records say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, gotoApp, horizontalOverflow } from './helpers.mjs';

const donations = JSON.parse(fs.readFileSync('public/data/donations.json', 'utf8')).records;
const paid = JSON.parse(fs.readFileSync('public/data/disbursements.json', 'utf8')).records;
const byId = new Map(donations.map((d) => [d.id, d]));
const usesOf = (d) => paid.filter((x) => (x.from_donations ?? []).includes(d.id));
// A directed, received donation that paid for the most disbursements (some shared with others).
const pick = donations
  .filter((d) => d.directed && d.status === 'received' && d.receipt)
  .sort((a, b) => usesOf(b).length - usesOf(a).length)[0];
const uses = usesOf(pick);
/** This donation's share of a disbursement: all of it when it is the only source; else in
 * proportion to the sources' amounts, the remaining fen to the first sources (as the page says). */
function shareOf(x) {
  const ids = x.from_donations;
  if (ids.length === 1) return x.amount_fen;
  const amounts = ids.map((i) => byId.get(i)?.amount_fen ?? 0);
  const total = amounts.reduce((s, a) => s + a, 0);
  const base = amounts.map((a) => Number((BigInt(x.amount_fen) * BigInt(a)) / BigInt(total)));
  const left = x.amount_fen - base.reduce((s, b) => s + b, 0);
  const pos = ids.indexOf(pick.id);
  return base[pos] + (pos < left ? 1 : 0);
}
const unusedFen = Math.max(0, pick.amount_fen - uses.reduce((s, x) => s + shareOf(x), 0));

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

test('a receipt number finds the directed donation, every disbursement it paid for and what is left; the answer has its own link', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  await page.locator('.lookup-link a').click();
  await page.locator('#lookup-no').waitFor();
  // Typed as a person might: lower case, spaces around.
  await page.locator('#lookup-no').fill(`  ${pick.receipt.toLowerCase()} `);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const card = page.locator(`.lookup-card[data-id="${pick.id}"]`);
  await card.waitFor({ timeout: 20000 });
  const text = await card.innerText();
  assert.ok(text.includes(pick.receipt) && text.includes(pick.directed_to), text);
  assert.equal(await card.locator('.use').count(), uses.length, 'every disbursement it paid for');
  for (const x of uses) assert.ok(text.includes(x.purpose) && text.includes(x.recipient), `${x.id} missing`);
  // Each disbursement's amount, and the rest, to the fen.
  assert.ok(uses.length >= 1 && uses.some((x) => x.from_donations.length > 1), `${pick.id}: a disbursement shared with other donations`);
  for (const x of uses) assert.equal(Number(await card.locator(`.use[data-id="${x.id}"]`).getAttribute('data-fen')), shareOf(x), x.id);
  assert.equal(Number(await card.locator('.unused').getAttribute('data-fen')), unusedFen);
  // 对此有疑问 about this record: an e-mail to the published address with the record and its link.
  const ask = await card.locator('a.ask-link').getAttribute('href');
  const org = JSON.parse(fs.readFileSync('public/data/manifest.json', 'utf8')).organisation;
  assert.ok(ask.startsWith(`mailto:${org.email}?subject=`), ask);
  const body = decodeURIComponent(ask.split('&body=')[1]);
  assert.ok(body.includes(`记录：${pick.id}`) && body.includes(`no=${pick.id}`), body);
  // Sample data says so.
  assert.equal(pick.origin, 'sample');
  assert.ok(text.includes('示例数据'), 'the sample note');
  // Back and forward follow the question.
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('.lookup-card'), null, { timeout: 10000 });
  await page.goForward();
  await card.waitFor({ timeout: 10000 });
  // The permalink reopens the answer.
  const url = page.url();
  assert.ok(url.includes('page=lookup') && url.includes('no='), url);
  const other = await context.newPage();
  await gotoApp(other, url);
  await other.locator(`.lookup-card[data-id="${pick.id}"]`).waitFor({ timeout: 20000 });
  assert.equal(await horizontalOverflow(page), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown number gets a clear answer, with what to check and whom to ask', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=lookup&no=XNHH-2099-999999`);
  const nf = page.locator('.not-found');
  await nf.waitFor({ timeout: 20000 });
  const text = await nf.innerText();
  assert.ok(text.includes('没有找到收据号“XNHH-2099-999999”') && text.includes('请核对'), text);
  assert.match(await nf.locator('a.mail').getAttribute('href'), /^mailto:.+\?subject=/);
  assert.equal(await page.locator('.lookup-card').count(), 0);
  await context.close();
});

test('by name, date and amount together', async () => {
  const { context, page } = await phonePage(env.browser);
  const d = donations.find((x) => x.donor_kind === 'enterprise' && x.status === 'received');
  const name = d.donor.slice(2, 6);
  await gotoApp(page, `${env.url}?page=lookup&name=${encodeURIComponent(name)}&date=${d.date}&amount=${d.amount_fen / 100}`);
  await page.locator(`.lookup-card[data-id="${d.id}"]`).waitFor({ timeout: 20000 });
  // One yuan off: not found.
  await gotoApp(page, `${env.url}?page=lookup&name=${encodeURIComponent(name)}&date=${d.date}&amount=${d.amount_fen / 100 + 1}`);
  await page.locator('.not-found').waitFor({ timeout: 20000 });
  await context.close();
});
