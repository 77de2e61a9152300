// 监督与反馈 (issue 18): the report's channels on the rectification page and the organisation's in
// the footer, as tel: and mailto: links; a problem's 对此有疑问 opens an e-mail to the published
// address with the problem's number and its permalink, which reopens that problem. The
// addresses are read from the shipped data, not written here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, gotoApp, editManifest } from './helpers.mjs';

const report = JSON.parse(fs.readFileSync('public/data/rectification.json', 'utf8'));
const org = JSON.parse(fs.readFileSync('public/data/manifest.json', 'utf8')).organisation;

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

/** `mailto:` → { to, subject, body }, decoded. */
function parseMailto(href) {
  const [to, query] = href.replace(/^mailto:/, '').split('?');
  const q = new URLSearchParams(query.replace(/\+/g, '%2B'));
  return { to, subject: q.get('subject'), body: q.get('body') };
}

test('the rectification page shows the report\'s channels as links; the footer the organisation\'s', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=rectification`);
  const section = page.locator('section.feedback');
  await section.waitFor();
  assert.equal(await section.locator('h3').innerText(), '监督与反馈');
  assert.equal(await section.locator('a.tel').getAttribute('href'), `tel:${report.contact.phone}`);
  assert.equal(await section.locator('a.tel').innerText(), report.contact.phone);
  assert.equal(await section.locator('a.mail').getAttribute('href'), `mailto:${report.contact.email}`);
  const text = await section.innerText();
  assert.ok(text.includes(report.contact.address) && text.includes(report.contact.postcode), text);
  // Thumb-sized.
  for (const a of await section.locator('a').all()) {
    const box = await a.boundingBox();
    assert.ok(box.height >= 24, `${await a.innerText()}: ${box.height}px tall`);
  }
  // On another page, the footer.
  await gotoApp(page, `${env.url}?page=donations`);
  const footer = page.locator('footer.site p.channels');
  await footer.waitFor();
  assert.equal(await footer.locator('a.tel').getAttribute('href'), `tel:${org.phone}`);
  assert.equal(await footer.locator('a.mail').getAttribute('href'), `mailto:${org.email}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('对此有疑问 on a problem writes to the published address with its number and a permalink that reopens it', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=rectification&open=14`);
  const link = page.locator('#problem-14 a.ask-link');
  await link.waitFor();
  assert.equal(await link.innerText(), '对此有疑问');
  const mail = parseMailto(await link.getAttribute('href'));
  assert.equal(mail.to, report.contact.email);
  assert.match(mail.subject, /问题 14\b/);
  const title = report.problems.find((p) => p.no === 14).title;
  assert.ok(mail.body.includes(`问题 14：${title}`), mail.body);
  const permalink = mail.body.match(/链接：(\S+)/)[1];
  assert.ok(permalink.startsWith(env.url), `${permalink} is absolute, under the site's sub-path`);
  const other = await context.newPage();
  await gotoApp(other, permalink);
  await other.locator('#problem-14 .problem-detail .finding').waitFor();
  assert.equal(await other.locator('#problem-14 .problem-head').getAttribute('aria-expanded'), 'true');
  assert.equal(await other.locator('.problem-detail .finding').count(), 1, 'only problem 14 open');
  // A closed problem shows no link (it sits with the problem's details).
  assert.equal(await page.locator('#problem-13 a.ask-link').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without channels in the data, no section, no footer line, no ask links', async () => {
  const { context, page } = await phonePage(env.browser);
  await editManifest(page, (m) => {
    for (const k of ['phone', 'email', 'address', 'postcode']) delete m.organisation[k];
    for (const d of m.datasets) { delete d.sha256; delete d.bytes; }
  });
  await page.route('**/data/rectification.json', async (route) => {
    const resp = await route.fetch();
    const doc = await resp.json();
    doc.contact = {};
    await route.fulfill({ response: resp, body: JSON.stringify(doc) });
  });
  await gotoApp(page, `${env.url}?page=rectification&open=14`);
  await page.locator('#problem-14 .problem-detail .finding').waitFor();
  assert.equal(await page.locator('section.feedback').count(), 0);
  assert.equal(await page.locator('footer.site p.channels').count(), 0);
  assert.equal(await page.locator('a.ask-link').count(), 0);
  await gotoApp(page, `${env.url}?page=donations`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(await page.locator('a.row-ask').count(), 0, 'no address, no question link on records');
  await context.close();
});

test('对此有疑问 on a ledger record: an e-mail naming it, with a link that finds it; in the static view too', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // The static first view (before the app): the link carries this site's address, not the
  // build's, filled in by index.html's loader.
  await gotoApp(page, `${env.url}?page=donations`, { takeover: false });
  // Read at once (in one step: on a loaded machine the app may take the view's place at any
  // moment, and a locator would then wait for a view that is gone).
  const still = await page.evaluate(() => {
    const view = document.getElementById('prerender');
    return view ? view.querySelector('table.data-table tbody a.row-ask')?.getAttribute('href') ?? 'no link in the static view' : null;
  });
  if (still !== null) {
    assert.match(still, /^mailto:/, 'the static view\'s rows carry the link');
    const body = parseMailto(still).body;
    assert.ok(body.includes(`链接：${env.url}?page=donations&q=`), `${still} → ${body}`);
  }
  await gotoApp(page, `${env.url}?page=donations`);
  const row = page.locator('table.data-table tbody tr').first();
  await row.waitFor();
  const id = (await row.locator('td.col-id').innerText()).trim();
  const link = row.locator('a.row-ask');
  // On a phone it sits in the opened card.
  assert.equal(await link.isVisible(), false, 'hidden until the card is opened');
  await row.locator('button.row-more').click();
  assert.ok(await link.isVisible());
  assert.ok((await link.boundingBox()).height >= 24, 'a thumb can hit it');
  assert.equal(await link.innerText(), '对此有疑问');
  const mail = parseMailto(await link.getAttribute('href'));
  assert.equal(mail.to, org.email);
  assert.ok(mail.subject.includes(id), mail.subject);
  assert.ok(mail.body.includes(`记录：${id}`), mail.body);
  const permalink = mail.body.match(/链接：(\S+)/)[1];
  assert.equal(permalink, `${env.url}?page=donations&q=${id}`);
  const other = await context.newPage();
  await gotoApp(other, permalink);
  await other.locator('table.data-table tbody tr').first().waitFor();
  const ids = await other.locator('table.data-table tbody td.col-id').allInnerTexts();
  assert.ok(ids.map((s) => s.trim()).includes(id), `${id} found by its link: ${ids}`);
  assert.deepEqual(errors, []);
  await context.close();
});
