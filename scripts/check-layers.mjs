// The app's modules depend one way (src/lib.rs): platform → state → i18n → nav → components →
// routes → app. Reads every `crate::` path in src/ and fails on a use of a later layer, or of
// another module of the same layer (platform modules may use each other). Run by `make lint`.
import fs from 'node:fs';
import path from 'node:path';

const LAYERS = [
  ['api', 'debounce', 'download', 'embed', 'offline', 'panic', 'perf', 'prerender', 'trusted'],
  ['state'], ['i18n'], ['nav'], ['components'], ['routes'], ['app'],
];
const rank = new Map(LAYERS.flatMap((mods, i) => mods.map((m) => [m, i])));
const root = process.argv[2] || 'src';

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.rs')) yield p;
  }
}

/** The modules a file names: `crate::x::…` and each item of `crate::{x::…, y}`. */
function used(text) {
  const out = new Set();
  const code = text.replace(/\/\/.*$/gm, '');
  for (const m of code.matchAll(/crate::\{([^}]*)\}/g)) for (const item of m[1].split(',')) { const s = item.trim().split('::')[0]; if (s) out.add(s); }
  for (const m of code.matchAll(/crate::([a-z_][a-z0-9_]*)/g)) out.add(m[1]);
  return out;
}

const problems = [];
for (const f of files(root)) {
  const rel = path.relative(root, f);
  const own = rel.split(path.sep)[0].replace(/\.rs$/, '');
  // The crate root and the binaries (src/main.rs, src/bin/*.rs: each only starts the app).
  if (own === 'lib' || own === 'main' || own === 'bin') continue;
  if (!rank.has(own)) { problems.push(`${f}: module "${own}" is in no layer (add it to scripts/check-layers.mjs and src/lib.rs)`); continue; }
  const r = rank.get(own);
  for (const m of used(fs.readFileSync(f, 'utf8'))) {
    if (m === own) continue;
    if (!rank.has(m)) { problems.push(`${f}: uses crate::${m}, which is in no layer`); continue; }
    const rm = rank.get(m);
    if (rm > r || (rm === r && r !== 0)) problems.push(`${f}: ${own} (layer ${r + 1}) uses crate::${m} (layer ${rm + 1}); dependencies go one way: ${LAYERS.map((l) => l.join('/')).join(' → ')}`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers: every crate:: path in ${root}/ goes one way (${LAYERS.length} layers)`);
