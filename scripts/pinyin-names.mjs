// The independent test set of pinyin search (#18): crates/core/tests/fixtures/pinyin_names.json.
//
// Names come from the shipped data, not from a hand-made list: every distinct string that holds
// Chinese in the name-like fields of public/data (see NAME_FIELDS: donors, spending and goods
// recipients, relief recipients' masked names such as 张某, places, divisions, projects,
// programmes, goods, and the short texts the table pages search: purposes, directed uses,
// volunteer team kinds, the report's problem titles),
// padded, when that gives fewer than MIN_FROM_DATA strings, with surname + 先生/女士/某 for every
// surname of the sample generator (crates/publish/src/sample/words.rs SURNAMES) and every
// compound surname of the core (crates/core/src/privacy.rs COMPOUND_SURNAMES), both read from
// the Rust sources.
//
// A test string is its source string with every character outside U+4E00–U+9FFF removed
// ("小天使基金（白血病，0–18岁）" → "小天使基金白血病岁"), so the i-th syllable is the reading of
// the i-th character. The pinyin is pinyin-pro's (a dictionary independent of the pinyin
// crate's pinyin-data behind public/pinyin.txt), the surname reading for the leading surname.
//
//   node scripts/pinyin-names.mjs        writes the fixture and prints its counts and the
//                                        recall ceiling of public/pinyin.txt over it
//
// tests/e2e/pinyin_testset.test.mjs rebuilds it in memory and compares.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE = 'crates/core/tests/fixtures/pinyin_names.json';
export const TABLE = 'public/pinyin.txt';

/** Fewer distinct strings than this from the data, and the set is padded with surname names. */
export const MIN_FROM_DATA = 1200;

/** pinyin-pro's options for a name (checked against its types/common/type.d.ts and
 * types/core/pinyin/index.d.ts): no tones, one syllable per character, the leading surname
 * read as a surname (曾 zeng, 单 shan, 解 xie, 查 zha, 仇 qiu), ü as v. */
export const OPTIONS = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'removed' };

/** The name-like fields: a dataset (its files as the manifest lists them, parts included) and
 * the path of its strings ([] steps into an array). Names of people, organisations, places,
 * projects, programmes and goods, and the short texts the pages' search covers (purposes,
 * directed uses, team kinds, problem titles) — no notes, quotes or findings. */
export const NAME_FIELDS = [
  ['donations', 'records[].donor'],
  ['donations', 'records[].project'],
  ['donations', 'records[].platform'],
  ['donations', 'records[].directed_to'],
  ['disbursements', 'records[].recipient'],
  ['disbursements', 'records[].project'],
  ['disbursements', 'records[].purpose'],
  ['goods', 'batches[].donor'],
  ['goods', 'batches[].item'],
  ['goods', 'batches[].directed_to'],
  ['goods', 'movements[].destination'],
  ['relief', 'records[].recipient'],
  ['relief', 'records[].county'],
  ['relief', 'records[].township'],
  ['relief', 'records[].goods'],
  ['relief', 'aggregates[].county'],
  ['coverage', 'counties[].county'],
  ['coverage', 'teams_after[].type'],
  ['rectification', 'publisher'],
  ['rectification', 'inspection.by'],
  ['rectification', 'problems[].title'],
  ['manifest', 'organisation.name'],
  ['manifest', 'organisation.divisions[].name'],
  ['manifest', 'organisation.programmes[].name'],
  ['manifest', 'organisation.programmes[].aliases[]'],
];

/** The characters the table covers (CJK Unified Ideographs). */
export const isCjk = (c) => c >= '\u4e00' && c <= '\u9fff';
const cjkOnly = (s) => [...s].filter(isCjk).join('');
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The five surnames of the issue with each of their readings. */
export const HETERONYMS = [
  { text: '曾', readings: ['zeng', 'ceng'] },
  { text: '单', readings: ['shan', 'dan'] },
  { text: '解', readings: ['xie', 'jie'] },
  { text: '查', readings: ['zha', 'cha'] },
  { text: '仇', readings: ['qiu', 'chou'] },
];

function strings(value, steps) {
  if (value === undefined || value === null) return [];
  if (steps.length === 0) return typeof value === 'string' ? [value] : [];
  const [step, ...rest] = steps;
  const array = step.endsWith('[]');
  const v = value[array ? step.slice(0, -2) : step];
  if (array) return Array.isArray(v) ? v.flatMap((x) => strings(x, rest)) : [];
  return strings(v, rest);
}

/** A Rust `const NAME: &[&str] = &[ "…", … ];`'s strings. */
function rustStrings(file, name) {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const m = src.match(new RegExp(`const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\];`));
  if (!m) throw new Error(`${file}: no const ${name}`);
  const list = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  if (list.length === 0) throw new Error(`${file}: ${name} is empty`);
  return list;
}

/** The files of each dataset as the manifest lists them (a ledger in parts: every part). */
function datasetFiles(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const files = { manifest: ['manifest.json'] };
  for (const d of manifest.datasets) {
    files[d.id] = d.parts?.length ? d.parts.map((p) => p.file) : [d.file];
  }
  return files;
}

/** Builds the test set from the repository at `root`. */
export function buildTestSet(root = ROOT) {
  const dir = path.join(root, 'public/data');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/pinyin-pro/package.json'), 'utf8')).version;
  const files = datasetFiles(dir);

  const fromData = new Set();
  const fields = [];
  for (const [dataset, field] of NAME_FIELDS) {
    let n = 0;
    for (const file of files[dataset] ?? []) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const s of strings(json, field.split('.'))) {
        const t = cjkOnly(s);
        if (t) { fromData.add(t); n += 1; }
      }
    }
    fields.push(`${(files[dataset] ?? []).join('+') || dataset} ${field}`);
    if (n === 0) throw new Error(`no Chinese strings in ${dataset} ${field}: has the format changed?`);
  }

  const all = new Set(fromData);
  let padded = 0;
  if (fromData.size < MIN_FROM_DATA) {
    const surnames = [
      ...rustStrings('crates/publish/src/sample/words.rs', 'SURNAMES'),
      ...rustStrings('crates/core/src/privacy.rs', 'COMPOUND_SURNAMES'),
    ];
    for (const s of surnames) {
      for (const title of ['先生', '女士', '某']) {
        const t = cjkOnly(s + title);
        if (!all.has(t)) { all.add(t); padded += 1; }
      }
    }
  }

  const names = [];
  const dropped = [];
  for (const text of [...all].sort(byCodeUnits)) {
    const syllables = pinyin(text, OPTIONS);
    if (syllables.length === [...text].length && syllables.every((s) => /^[a-z]+$/.test(s))) {
      names.push({ text, pinyin: syllables });
    } else {
      dropped.push({ text, pinyin: syllables });
    }
  }

  for (const h of HETERONYMS) {
    const known = pinyin(h.text, { multiple: true, toneType: 'none', type: 'array' });
    const unknown = h.readings.filter((r) => !known.includes(r));
    if (unknown.length) throw new Error(`pinyin-pro ${version} does not read ${h.text} as ${unknown.join(', ')} (it knows ${known.join(', ')})`);
  }

  return {
    source: `pinyin-pro ${version} (pinyin(text, ${JSON.stringify(OPTIONS)}))`,
    note:
      'Test set of pinyin search (#18), built by scripts/pinyin-names.mjs; do not edit. ' +
      'Names: every distinct string with Chinese in the name fields listed under "fields" of public/data, ' +
      `padded (when fewer than ${MIN_FROM_DATA}) with surname + 先生/女士/某 for the sample generator's SURNAMES ` +
      '(crates/publish/src/sample/words.rs) and the core\'s COMPOUND_SURNAMES (crates/core/src/privacy.rs). ' +
      'text: the string with every character outside U+4E00–U+9FFF removed; pinyin[i]: the toneless reading of its i-th character ' +
      'according to pinyin-pro (independent of the pinyin-data behind public/pinyin.txt), ü as v, the leading surname read as a surname. ' +
      'heteronyms: the issue\'s surnames with every reading it lists, each checked to be one pinyin-pro knows.',
    fields,
    counts: { from_data: fromData.size, padded, dropped: dropped.length, names: names.length },
    dropped,
    heteronyms: HETERONYMS,
    names,
  };
}

/** public/pinyin.txt → Map(character → Set of syllables). */
export function parseTable(text) {
  const lines = text.split('\n');
  if (!lines[0].startsWith('# gongshi pinyin table v1')) throw new Error('not a gongshi pinyin table v1');
  const readings = new Map();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const [syllable, chars] = line.split(' ');
    for (const c of chars) {
      if (!readings.has(c)) readings.set(c, new Set());
      readings.get(c).add(syllable);
    }
  }
  return readings;
}

/** The names whose every syllable is among the table's readings of its character, and the
 * misses (each with the characters whose reading the table lacks). */
export function recallCeiling(set, readings) {
  const misses = [];
  for (const { text, pinyin: syllables } of set.names) {
    const chars = [...text];
    const lacking = chars
      .map((c, i) => ({ c, want: syllables[i], table: [...(readings.get(c) ?? [])] }))
      .filter((x) => !x.table.includes(x.want));
    if (lacking.length) misses.push({ text, pinyin: syllables.join(' '), lacking });
  }
  const total = set.names.length;
  return { total, hits: total - misses.length, ratio: (total - misses.length) / total, misses };
}

/** The fixture's text: two-space JSON with each name on one line. */
export function render(set) {
  const { names, heteronyms, dropped, ...head } = set;
  const one = (x) => JSON.stringify(x);
  const list = (xs) => (xs.length ? `[\n${xs.map((x) => `    ${one(x)}`).join(',\n')}\n  ]` : '[]');
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "dropped": ${list(dropped)},\n  "heteronyms": ${list(heteronyms)},\n  "names": ${list(names)}\n}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const set = buildTestSet();
  fs.mkdirSync(path.dirname(path.join(ROOT, FIXTURE)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, FIXTURE), render(set));
  const c = set.counts;
  console.log(`wrote ${FIXTURE}: ${c.names} names (${c.from_data} from the data, ${c.padded} padded; ${c.dropped} dropped)`);
  const r = recallCeiling(set, parseTable(fs.readFileSync(path.join(ROOT, TABLE), 'utf8')));
  console.log(`recall ceiling of ${TABLE}: ${r.hits}/${r.total} = ${(100 * r.ratio).toFixed(2)}%`);
  for (const m of r.misses) console.log(`  miss: ${m.text} ${m.pinyin} — ${m.lacking.map((x) => `${x.c} ${x.want} (table: ${x.table.join(',') || 'none'})`).join('; ')}`);
}
