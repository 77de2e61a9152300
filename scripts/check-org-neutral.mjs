// Nothing about one organisation is built into the app: its name, its place names and its
// report's title come from the data folder. Reads them from the shipped data (public/data) and
// fails when any appears in the app's sources (src/, index.html, style.css). Run by `make lint`.
// (The crates follow with issue #19's next step: relief::COUNTIES and the validators' messages.)
import fs from 'node:fs';
import path from 'node:path';

const data = (f) => JSON.parse(fs.readFileSync(path.join('public/data', f), 'utf8'));
const manifest = data('manifest.json');
const words = new Set();
const org = manifest.organisation || {};
for (const n of [org.name, org.name_en]) if (n) words.add(n);
// The place in the name ("咸宁市红十字会" → "咸宁"; "Xianning Red Cross Society" → "Xianning").
if (org.name) words.add(org.name.slice(0, 2));
if (org.name_en) words.add(org.name_en.split(' ')[0]);
for (const c of data('coverage.json').counties || []) if (c.county) { words.add(c.county); words.add(c.county.slice(0, 2)); }
for (const d of manifest.datasets) if (d.source && !/示例|sample/i.test(d.source)) words.add(d.source);

function* files(p) {
  const st = fs.statSync(p);
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) yield* files(path.join(p, e));
  else yield p;
}
const problems = [];
for (const root of process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'index.html', 'style.css']) {
  for (const f of files(root)) {
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const w of words) if (line.includes(w)) problems.push(`${f}:${i + 1}: “${w}” (from the data) is built into the app: ${line.trim().slice(0, 120)}`);
    });
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`org-neutral: none of ${words.size} names from the data (organisation, places, report) in the app's sources`);
