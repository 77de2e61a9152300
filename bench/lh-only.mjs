// Lighthouse alone on the built dist/ (served compressed, production headers): a quick check
// while working on the first view. `node bench/lh-only.mjs [runs]`.
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const headers = JSON.parse(fs.readFileSync(path.join(root, 'dist-headers', 'headers.json'), 'utf8'));
const { server, url } = await startServer({ dir: path.join(root, 'dist'), port: 0, prefix: '/site/', headers });
try {
  const r = await runLighthouse(url, Number(process.argv[2] || 1));
  console.log(JSON.stringify(r, null, 2));
} finally {
  server.close();
}
