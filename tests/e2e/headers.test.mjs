// The header set (scripts/headers.mjs) as served (scripts/serve.mjs): on every status, Trusted
// Types enforced with the app's one policy, and the local server refusing to run without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setup, phonePage, PREFIX, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

test('every answer carries the header set: a file, a 404, a redirect', async () => {
  const csp = env.headers['Content-Security-Policy'];
  const base = new URL(env.url);
  for (const [u, status] of [[env.url, 200], [env.url + 'data/no-such-file.json', 404], [base.origin + '/elsewhere', 404], [base.origin + PREFIX.slice(0, -1), 301]]) {
    const r = await fetch(u, { redirect: 'manual' });
    assert.equal(r.status, status, u);
    assert.equal(r.headers.get('content-security-policy'), csp, `${u} (${status}) carries the CSP`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', u);
  }
});

test('the CSP enforces Trusted Types and allows only the app\'s policy', () => {
  const csp = env.headers['Content-Security-Policy'];
  assert.match(csp, /(^|; )require-trusted-types-for 'script'(;|$)/);
  // The rows' policy, Leptos's static templates' (index.html), the worker URL's, the fetched
  // first views' (index.html); no other name.
  assert.match(csp, /(^|; )trusted-types gongshi-rows gongshi-templates gongshi-sw gongshi-first(;|$)/);
});

test('the donations table renders through the Trusted Types policy, with no violation', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  const rows = page.locator('table.data-table tbody tr');
  await rows.first().waitFor();
  const first = await rows.first().innerText();
  // Search, sort and page: each writes the rows again.
  await page.getByLabel('搜索捐赠方、项目、物资、用途、收据号').pressSequentially('防汛', { delay: 20 });
  await page.waitForFunction((t) => document.querySelector('table.data-table tbody tr')?.innerText !== t, first);
  await page.getByLabel('搜索捐赠方、项目、物资、用途、收据号').fill('');
  await page.locator('table.data-table thead button.sort').first().click();
  await page.getByRole('button', { name: '下一页' }).click();
  await page.waitForFunction(() => document.querySelector('.page-pos')?.innerText.includes('第 2 '));
  assert.ok(await rows.count() > 0);
  assert.deepEqual(errors, [], 'no CSP or Trusted Types violation, no error');
  // Enforced: a plain string in an HTML sink is refused, so the rows above came through the policy.
  const plain = await page.evaluate(() => {
    try { document.createElement('div').innerHTML = '<b>x</b>'; return 'accepted'; } catch (e) { return e.name; }
  });
  assert.equal(plain, 'TypeError', 'a plain string is refused');
  // And the templates' policy refuses markup that could run script.
  const risky = await page.evaluate(() => {
    try { document.createElement('template').innerHTML = '<img src=x onerror=alert(1)>'; return 'accepted'; } catch (e) { return e.name; }
  });
  assert.equal(risky, 'TypeError', 'a template with an event handler is refused');
  await context.close();
});

function run(args) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  return {
    child,
    exited: new Promise((r) => child.on('exit', (code) => r(code))),
    started: () => new Promise((resolve, reject) => {
      const t = setInterval(() => { const m = out.match(/served at (\S+)/); if (m) { clearInterval(t); resolve(m[1]); } }, 50);
      child.on('exit', () => { clearInterval(t); reject(new Error(out)); });
    }),
    output: () => out,
  };
}

test('the local server refuses to start without a header set, unless told to', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-noheaders-'));
  fs.mkdirSync(path.join(dir, 'site'));
  fs.writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html><p>hi</p>');
  const refused = run(['--dir', path.join(dir, 'site'), '--port', '0']);
  const outcome = await Promise.race([refused.exited, refused.started().then(() => 'started', () => 'exited')]);
  if (outcome === 'started') refused.child.kill();
  assert.equal(outcome === 'exited' ? await refused.exited : outcome, 1, 'exits with status 1 instead of serving');
  assert.match(refused.output(), /no header set/);

  const plain = run(['--dir', path.join(dir, 'site'), '--port', '0', '--no-headers']);
  const url = await plain.started();
  assert.match(plain.output(), /WITHOUT the header set/);
  plain.child.kill();

  // With the set `make dist` wrote (found beside the folder, as `make serve` runs it), a 404
  // carries the CSP.
  const served = run(['--dir', 'dist', '--port', '0', '--headers', 'dist-headers/headers.json']);
  const u = await served.started();
  const r = await fetch(u + 'no-such-file');
  assert.equal(r.status, 404);
  assert.equal(r.headers.get('content-security-policy'), env.headers['Content-Security-Policy']);
  served.child.kill();
  assert.ok(url);
  fs.rmSync(dir, { recursive: true, force: true });
});
