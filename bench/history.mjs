// The publication history at 1,000 releases (issue 17): the app's check of the whole chain when
// the 更新记录 page opens, on the bench's phone profile (4× CPU slowdown), measured in the page
// between the app's marks around `history::verify` (the downloads are not part of it), and
// independently by the browser's long-task records (the task that holds the check).
//
// The log is written here, not by the CLI: 1,000 release files chained by the SHA-256 of their
// bytes, each listing the shipped data's files, the last one publishing the current manifest,
// so the app's check passes and does every step it does on a real log.
//
// Usage: node bench/history.mjs [runs=5]   (after `make dist`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { launch, freshPage } from './lib/browser.mjs';
import { startServer } from '../scripts/serve.mjs';
import { THROTTLE } from './lib/pages.mjs';

const RELEASES = 1000;
const runs = Number(process.argv[2] || 5);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-bench-history-'));
fs.cpSync('dist', dir, { recursive: true, filter: (s) => !/\.(br|gz)$/.test(s) });
const data = path.join(dir, 'data');
fs.rmSync(path.join(data, 'history'), { recursive: true, force: true });
fs.mkdirSync(path.join(data, 'history', 'releases'), { recursive: true });
const manifest = fs.readFileSync(path.join(data, 'manifest.json'));
const files = fs.readdirSync(data).filter((f) => f.endsWith('.json') || f.endsWith('.svg')).sort().map((f) => {
  const b = fs.readFileSync(path.join(data, f));
  return { file: f, sha256: sha(b), bytes: b.length };
});
const index = { schema: 'gongshi/history/1', releases: [] };
let previous = null;
const start = Date.UTC(2024, 0, 1);
for (let n = 1; n <= RELEASES; n++) {
  const date = new Date(start + Math.floor((n - 1) / 2) * 86400000).toISOString().slice(0, 10);
  const release = {
    schema: 'gongshi/release/1', number: n, date, note: `第 ${n} 版（基准测试用的发布记录）`, previous,
    files: files.map((f) => ({ ...f })),
    changes: [{ dataset: 'donations', added: n, changed: 0, removed: 0 }],
  };
  // Earlier releases carry other versions of a file; the last one publishes today's folder.
  if (n < RELEASES) release.files[0] = { ...release.files[0], sha256: sha(`v${n}`) };
  const bytes = Buffer.from(JSON.stringify(release, null, 2) + '\n');
  const h = sha(bytes);
  fs.writeFileSync(path.join(data, 'history', 'releases', `${String(n).padStart(6, '0')}.json`), bytes);
  index.releases.push({ number: n, date, sha256: h });
  previous = h;
}
fs.writeFileSync(path.join(data, 'history', 'index.json'), JSON.stringify(index, null, 2) + '\n');
const logBytes = fs.readdirSync(path.join(data, 'history', 'releases')).reduce((s, f) => s + fs.statSync(path.join(data, 'history', 'releases', f)).size, 0);
console.log(`history bench: ${RELEASES} releases, ${(logBytes / 1e6).toFixed(2)} MB of release files; manifest ${sha(manifest).slice(0, 12)}…`);

const { server, url } = await startServer({ dir, port: 0, prefix: '/bench/history/' });
const browser = await launch();
const inPage = [];
const longest = [];
try {
  for (let i = 0; i < runs; i++) {
    const s = await freshPage(browser, { viewport: { width: 390, height: 844 } });
    await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    // Independently of the app's marks: the browser's own long-task records.
    await s.page.addInitScript(() => {
      window.__longtasks = [];
      new PerformanceObserver((l) => window.__longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
    });
    await s.page.goto(url + '?page=history');
    await s.page.waitForFunction(() => performance.getEntriesByName('gongshi:history-verified').length > 0, null, { timeout: 120000 });
    await s.page.waitForTimeout(500);
    const r = await s.page.evaluate(() => {
      const a = performance.getEntriesByName('gongshi:history-verify-start')[0];
      const b = performance.getEntriesByName('gongshi:history-verified')[0];
      const task = window.__longtasks.find((t) => t.start <= a.startTime && t.start + t.duration >= b.startTime);
      return { ms: b.startTime - a.startTime, task: task?.duration ?? null, releases: b.detail?.rows, ok: !!document.querySelector('.history-ok'), alarm: document.querySelector('.history-alarm')?.textContent ?? null };
    });
    if (!r.ok && r.alarm) throw new Error(`the check failed: ${r.alarm.slice(0, 300)}`);
    inPage.push(r.ms);
    longest.push(r.task ?? 0);
    console.log(`  run ${i + 1}: verify ${r.ms.toFixed(1)} ms between the app's marks (${r.releases} releases checked); the long task holding it ${r.task === null ? 'none (under 50 ms)' : r.task.toFixed(1) + ' ms'}`);
    await s.context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = median(inPage);
console.log(`history bench: verifying ${RELEASES} releases on the phone profile (4× CPU): median ${m.toFixed(1)} ms, max ${Math.max(...inPage).toFixed(1)} ms; the long task holding it, median ${median(longest).toFixed(1)} ms (verify plus what else ran in that task) — ${m <= 50 ? 'PASS' : 'FAIL'} ≤ 50 ms`);
