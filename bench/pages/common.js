// Shared by the bench's own pages (baseline.html, tabulator.html): which files hold the
// donations, and the plain JS object made of each record.

/** The files of a dataset the manifest lists (its parts, or the dataset's single file). */
function filesOf(manifest, id, base) {
  const d = manifest.datasets.find((x) => x.id === id);
  if (!d) return [];
  const names = d.parts && d.parts.length ? d.parts.map((p) => p.path || p.file) : [d.path || d.file];
  return names.map((n) => base + n);
}

/** The donation files (what the Tabulator page shows). */
export async function donationFiles(base = '../data/') {
  const manifest = await (await fetch(base + 'manifest.json')).json();
  return filesOf(manifest, 'donations', base);
}

/** Every file the app's ledger page loads: donations, disbursements and goods, as [url, id]. */
export async function ledgerFiles(base = '../data/') {
  const manifest = await (await fetch(base + 'manifest.json')).json();
  return ['donations', 'disbursements', 'goods'].flatMap((id) => filesOf(manifest, id, base).map((u) => [u, id]));
}

/** Every field of a donation record, as a plain object (the JSON floor's "building objects"). */
export function toObject(r) {
  return {
    id: r.id,
    date: r.date,
    donor: r.donor,
    donor_kind: r.donor_kind,
    amount_fen: r.amount_fen,
    directed: r.directed,
    directed_to: r.directed_to,
    channel: r.channel,
    project: r.project,
    receipt: r.receipt,
    status: r.status,
    origin: r.origin,
    corrections: r.corrections,
  };
}

/** A record of another file as a plain object with the same fields. */
const copy = (r) => ({ ...r });

/** The records of a parsed file: `records`, or for goods.json its batches, movements and write-offs. */
function recordsOf(doc) {
  if (Array.isArray(doc.records)) return doc.records;
  return [doc.batches, doc.movements, doc.writeoffs].filter(Array.isArray).flat();
}

/**
 * Fetches, parses and maps every file (all at once); returns the rows, in file order. `files`
 * are URLs (mapped with `map`) or [url, dataset] pairs (donations with `map`, the rest copied).
 */
export async function loadRows(files, map = toObject) {
  const parts = await Promise.all(files.map(async (f) => {
    const [url, id] = Array.isArray(f) ? f : [f, 'donations'];
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    const doc = JSON.parse(await r.text());
    return recordsOf(doc).map(id === 'donations' ? map : copy);
  }));
  const rows = [];
  for (const p of parts) for (const x of p) rows.push(x);
  return rows;
}

export function macrotask() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}
