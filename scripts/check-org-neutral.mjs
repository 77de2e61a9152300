// Nothing about one organisation is built into the app or the crates: its name, its divisions,
// its programmes and its report's title come from the data folder. Reads them from the shipped
// data (public/data) and fails when any appears in the sources: the app (src/, index.html,
// style.css) and the crates, outside the sample generator (crates/publish/src/sample, which
// makes Xianning's sample records on purpose) and tests (tests/ folders, tests.rs files and a
// file's `#[cfg(test)]` module). Run by `make lint`.
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
const divisions = [...(org.divisions || []).map((d) => d.name), ...(data('coverage.json').counties || []).map((c) => c.county)];
for (const d of divisions) if (d) { words.add(d); words.add(d.slice(0, 2)); }
// Programmes without what follows a bracket ("小天使基金（白血病…）" → "小天使基金"); "other" is a word.
for (const p of org.programmes || []) if (p.key !== 'other') for (const n of [p.name, p.name_en]) if (n) words.add(n.split(/[（(]/)[0].trim());
for (const d of manifest.datasets) if (d.source && !/示例|sample/i.test(d.source)) words.add(d.source);

function* files(p) {
  const st = fs.statSync(p);
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) yield* files(path.join(p, e));
  else yield p;
}
const ROOTS = ['src', 'index.html', 'style.css', 'crates/core/src', 'crates/publish/src', 'crates/cli/src'];
const exempt = (f) => f.startsWith(path.join('crates', 'publish', 'src', 'sample')) || path.basename(f) === 'tests.rs' || f.split(path.sep).includes('tests');
const problems = [];
for (const root of process.argv.slice(2).length ? process.argv.slice(2) : ROOTS) {
  for (const f of files(root)) {
    if (exempt(f)) continue;
    let lines = fs.readFileSync(f, 'utf8').split('\n');
    // A Rust file's test module (by convention its last item) is a test.
    const t = lines.findIndex((l, i) => l.trim() === '#[cfg(test)]' && /^\s*(pub(\(crate\))? )?mod \w+/.test(lines[i + 1] || ''));
    if (t >= 0) lines = lines.slice(0, t);
    lines.forEach((line, i) => {
      for (const w of words) if (line.includes(w)) problems.push(`${f}:${i + 1}: “${w}” (from the data) is built into the app: ${line.trim().slice(0, 120)}`);
    });
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`org-neutral: none of ${words.size} names from the data (organisation, divisions, programmes, report) in the app's or the crates' sources`);
