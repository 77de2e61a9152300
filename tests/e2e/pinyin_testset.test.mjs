// The pinyin search's independent test set (#18), no browser needed: the committed fixture is
// what scripts/pinyin-names.mjs builds from the shipped data and pinyin-pro, it is large enough,
// and public/pinyin.txt has, for every character of at least 99% of its names, the reading
// pinyin-pro gives (the recall ceiling of any matcher over the table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, FIXTURE, TABLE, buildTestSet, render, parseTable, recallCeiling, isCjk } from '../../scripts/pinyin-names.mjs';

const committed = fs.readFileSync(path.join(ROOT, FIXTURE), 'utf8');
const set = buildTestSet();

test('the committed test set is what scripts/pinyin-names.mjs builds', () => {
  const hint = `${FIXTURE} is stale: run \`node scripts/pinyin-names.mjs\``;
  assert.deepEqual(JSON.parse(committed), set, hint);
  assert.equal(committed, render(set), hint);
});

test('the test set has at least 1,000 names, each with one syllable per Chinese character', () => {
  assert.ok(set.names.length >= 1000, `${set.names.length} names`);
  assert.equal(set.counts.names, set.names.length);
  assert.ok(set.counts.from_data > set.counts.padded, `${JSON.stringify(set.counts)}: mostly from the data`);
  const texts = set.names.map((n) => n.text);
  assert.equal(new Set(texts).size, texts.length, 'each name once');
  for (const { text, pinyin } of set.names) {
    assert.ok([...text].every(isCjk), text);
    assert.equal(pinyin.length, [...text].length, text);
    assert.ok(pinyin.every((s) => /^[a-z]+$/.test(s)), `${text}: ${pinyin}`);
  }
  // The leading surname is read as a surname; ü is v.
  const of = (t) => set.names.find((n) => n.text === t)?.pinyin.join(' ');
  assert.equal(of('曾先生'), 'zeng xian sheng');
  assert.equal(of('吕女士'), 'lv nv shi');
  assert.equal(set.heteronyms.length, 5);
});

test('public/pinyin.txt has pinyin-pro’s reading of every character for at least 99% of the names', () => {
  const readings = parseTable(fs.readFileSync(path.join(ROOT, TABLE), 'utf8'));
  const r = recallCeiling(set, readings);
  console.log(`recall ceiling of ${TABLE} over ${FIXTURE}: ${r.hits}/${r.total} = ${(100 * r.ratio).toFixed(2)}%`);
  for (const m of r.misses) console.log(`  miss: ${m.text} ${m.pinyin}: ${m.lacking.map((x) => `${x.c} ${x.want} (table: ${x.table.join(',') || 'none'})`).join('; ')}`);
  assert.ok(r.ratio >= 0.99, `${r.hits}/${r.total}`);
  // Each reading of the issue's surnames is on the table.
  for (const { text, readings: want } of set.heteronyms) {
    for (const w of want) assert.ok(readings.get(text)?.has(w), `${text} ${w} in ${TABLE}`);
  }
});
