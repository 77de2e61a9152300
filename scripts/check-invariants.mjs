// Three of ARCHITECTURE.md's invariants that no compiler checks, read from the sources. Run by
// `make lint`.
//
// 1. Money is i64 fen end to end: no `f32`/`f64` in any Rust source of the app or the crates
//    but where a float is about something else, each place listed below with its reason. A new
//    float anywhere else fails, so whoever adds one has to say here why it is not money.
// 2. The app's UI strings live in src/i18n.rs and the pages' words tables: no string literal in
//    src/ holds a Chinese character outside the files listed below.
// 3. The core does no I/O: no `std::fs`, `std::net`, `std::process` or `std::env` in
//    crates/core/src outside its tests (its Cargo.toml names no browser crate: a test in
//    crates/core/tests/shipped_data.rs).
import fs from 'node:fs';
import path from 'node:path';

function* rust(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* rust(p);
    else if (p.endsWith('.rs')) yield p;
  }
}

// Where a float is not money. `only`: the lines of that file a float may be on (else any line).
const FLOATS = [
  { file: 'crates/core/src/chart.rs', why: 'chart geometry: pixels, and axis ticks scaled from fen for drawing only' },
  { file: 'crates/core/src/chart/flow.rs', why: 'flow chart geometry: band widths in pixels from fen, for drawing only' },
  { file: 'crates/core/src/org.rs', why: 'the accent colour’s contrast ratio (WCAG luminance)' },
  { file: 'crates/core/src/ledger.rs', only: /fn visit_f64/, why: 'a JSON number with a fraction is refused as money (RawInt::Other)' },
  { file: 'crates/core/src/privacy.rs', only: /as_f64\(\)/, why: 'a JSON number scanned for an ID or phone number, as digits' },
  { file: 'crates/publish/src/parse.rs', why: 'a spreadsheet’s number cell arrives as f64; it is read back as the shortest decimal text, then as exact fen' },
  { file: 'src/components/table_page.rs', only: /as_f64\(\)/, why: 'the window’s width' },
  { file: 'src/components/chart.rs', only: /as_f64\(\)/, why: 'the window’s width' },
  { file: 'src/components/jump.rs', only: /as_f64\(\)/, why: 'the window’s width' },
  { file: 'src/routes/rectification.rs', only: /as_f64\(\)/, why: 'the window’s width' },
  { file: 'src/prerender.rs', only: /as_f64\(\)/, why: 'a JS number: the index of the tapped button' },
  { file: 'src/routes/donations/words.rs', only: /1_048_576/, why: 'bytes shown in MB in the download progress' },
  { file: 'src/download.rs', why: 'canvas pixels of a PNG export' },
  { file: 'src/embed.rs', why: 'the page height sent to the host page' },
  { file: 'src/perf.rs', why: 'performance.now() timestamps' },
];
// Where a Chinese string literal may be in src/: the words tables, and the network and file
// errors of api.rs (each a Diagnostic with its English beside it).
const WORDS = [/^src\/i18n\.rs$/, /^src\/routes\/[a-z_]+\/words\.rs$/, /^src\/routes\/history\.rs$/, /^src\/routes\/lookup\.rs$/, /^src\/api\.rs$/];

const problems = [];
const float = /\bf(32|64)\b/;
const cjkLiteral = /"[^"\n]*[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef][^"\n]*"/;
const roots = ['src', ...fs.readdirSync('crates').map((c) => path.join('crates', c, 'src'))];
for (const root of roots) {
  for (const f of rust(root)) {
    const rel = f.split(path.sep).join('/');
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    const allow = FLOATS.find((a) => a.file === rel);
    const core = rel.startsWith('crates/core/src/') && !rel.endsWith('/tests.rs');
    let inTests = false;
    lines.forEach((line, i) => {
      if (/^#\[cfg\(test\)\]/.test(line)) inTests = true;
      const code = line.replace(/\/\/.*$/, '');
      if (float.test(code) && !(allow && (!allow.only || allow.only.test(code)))) {
        problems.push(`${rel}:${i + 1}: a float outside the places listed in scripts/check-invariants.mjs (money is i64 fen): ${line.trim()}`);
      }
      if (core && !inTests && /\bstd::(fs|net|process|env)\b/.test(code)) {
        problems.push(`${rel}:${i + 1}: I/O in the core (the app and the tools do the core's reading and writing): ${line.trim()}`);
      }
      if (rel.startsWith('src/') && cjkLiteral.test(code) && !WORDS.some((w) => w.test(rel))) {
        problems.push(`${rel}:${i + 1}: a Chinese UI string outside the words tables (src/i18n.rs, src/routes/*/words.rs): ${line.trim()}`);
      }
    });
  }
}
for (const a of FLOATS) if (!fs.existsSync(a.file)) problems.push(`scripts/check-invariants.mjs lists ${a.file}, which does not exist`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`invariants: no float outside ${FLOATS.length} listed places; no Chinese UI string outside the words tables; no I/O in the core`);
