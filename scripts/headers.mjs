// Writes the HTTP header set a host should send for dist/ — a strict Content-Security-Policy
// whose script-src allows exactly Trunk's inline loader (by its SHA-256, computed after the
// build) and enforcing Trusted Types (the app's one HTML sink, the table rows, goes through its
// policy "gongshi-rows", src/components/table.rs; Leptos's static templates "gongshi-templates",
// index.html; the prerendered views fetched by index.html, "gongshi-first"; the service worker's URL "gongshi-sw", src/offline.rs), plus nosniff and a referrer policy — as a Netlify/Cloudflare-style `_headers` file
// (in dist/) and an nginx snippet and JSON (in dist-headers/, beside dist/).
//
// Usage: node scripts/headers.mjs [dist] [--frame-ancestors "'self' https://www.example.gov.cn"]
// FRAME_ANCESTORS in the environment does the same. Default: 'self'.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export function inlineScriptHashes(html) {
  const hashes = [];
  const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  let m;
  while ((m = re.exec(html))) {
    hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The one Trusted Types policy the app creates (src/components/table.rs). */
export const TRUSTED_TYPES_POLICY = 'gongshi-rows';

export function headerSet(html, frameAncestors = "'self'") {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICY} gongshi-templates gongshi-sw gongshi-first`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--')) || 'dist';
  const i = args.indexOf('--frame-ancestors');
  const frameAncestors = (i >= 0 ? args[i + 1] : process.env.FRAME_ANCESTORS) || "'self'";
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const headers = headerSet(html, frameAncestors);
  const outDir = path.join(path.dirname(path.resolve(dist)), 'dist-headers');
  fs.mkdirSync(outDir, { recursive: true });
  const lines = Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  const netlify = `/*\n${lines}\n`;
  fs.writeFileSync(path.join(dist, '_headers'), netlify);
  fs.writeFileSync(path.join(outDir, '_headers'), netlify);
  fs.writeFileSync(path.join(outDir, 'headers.json'), JSON.stringify(headers, null, 2) + '\n');
  const nginx = Object.entries(headers).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n');
  fs.writeFileSync(path.join(outDir, 'nginx.conf'), `# gongshi: include in the server/location block that serves dist/\n${nginx}\n`);
  console.log(`headers: wrote dist/_headers, dist-headers/{_headers,nginx.conf,headers.json} (frame-ancestors ${frameAncestors})`);
}
