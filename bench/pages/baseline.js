// The practical floor for loading the ledger as JSON: fetch the same files as the app's ledger
// page (donations in their parts, disbursements, goods), `await r.text()`, `JSON.parse`, then
// one plain JS object per record with the same fields.
import { ledgerFiles, loadRows } from './common.js';

window.__runBaseline = async () => {
  const files = await ledgerFiles(); // the manifest, read before the clock starts (as in the app)
  const t0 = performance.now();
  const rows = await loadRows(files);
  const ms = performance.now() - t0;
  window.__rows = rows; // kept alive, like the app keeps its rows
  return { ms, rows: rows.length, files: files.length };
};
window.__baselineReady = true;
