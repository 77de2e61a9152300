// The per-page figures alone (issue 15), on the built dist/ served like the plainest static host
// (gzip on the fly, no precompressed copies, no headers) under a sub-path:
//   node bench/pages-only.mjs [lighthouse runs per page, default 1; 0 = none]
//   NO_VISITS=1 node bench/pages-only.mjs    Lighthouse only (no throttled visits)
// `make bench` runs the same as part of the whole bench.
import path from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launch } from './lib/browser.mjs';
import { lighthousePages, throttledVisits } from './lib/pages.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const runs = Number(process.argv[2] ?? 1);
const { server, url } = await startServer({ dir: path.join(root, 'dist'), port: 0, prefix: '/org/gongshi/', compress: 'gzip' });
try {
  if (!process.env.NO_VISITS) {
    console.log('== throttled first visits');
    const browser = await launch();
    try {
      await throttledVisits(browser, url);
    } finally {
      await browser.close();
    }
  }
  if (runs > 0) {
    console.log('== Lighthouse');
    await lighthousePages(url, runs);
  }
} finally {
  server.close();
}
