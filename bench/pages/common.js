// Shared by the bench's own pages (baseline.html, tabulator.html): which files hold the
// donations, and the plain JS object made of each record.

/** The donation files the manifest lists (its parts, or the dataset's single file). */
export async function donationFiles(base = '../data/') {
  const manifest = await (await fetch(base + 'manifest.json')).json();
  const d = manifest.datasets.find((x) => x.id === 'donations');
  const names = d.parts && d.parts.length ? d.parts.map((p) => p.path || p.file) : [d.path || d.file];
  return names.map((n) => base + n);
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

/** Fetches, parses and maps every file (all at once); returns the rows, in file order. */
export async function loadRows(files, map = toObject) {
  const parts = await Promise.all(files.map(async (f) => {
    const r = await fetch(f);
    if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
    const doc = JSON.parse(await r.text());
    return doc.records.map(map);
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
