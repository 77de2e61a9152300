// Lighthouse 12 (node API, default mobile profile with simulated throttling) on the overview,
// in its own Chromium started by chrome-launcher (Debian's /usr/bin/chromium, the project's flags).
import { CHROMIUM, FLAGS } from './browser.mjs';

/** `runs` runs in one browser; the figures are those of Lighthouse's own median run. */
export async function runLighthouse(url, runs = 3) {
  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const chromeLauncher = await import('chrome-launcher');
  process.env.CHROME_PATH = CHROMIUM;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...FLAGS],
    logLevel: 'silent',
  });
  try {
    const lhrs = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const r = result.lhr;
      if (r.runtimeError) throw new Error(`${r.runtimeError.code}: ${r.runtimeError.message}`);
      lhrs.push(r);
    }
    const lhr = computeMedianRun(lhrs);
    const scores = lhrs.map((r) => Math.round(r.categories.performance.score * 100));
    const score = (id) => (lhr.categories[id] && lhr.categories[id].score !== null ? Math.round(lhr.categories[id].score * 100) : null);
    const num = (id) => (lhr.audits[id] ? lhr.audits[id].numericValue : null);
    // The audits that cost points, for the report.
    const failing = [];
    for (const cat of ['accessibility', 'best-practices']) {
      for (const ref of lhr.categories[cat].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${cat}: ${a.id} (${a.title})`);
      }
    }
    return {
      version: lhr.lighthouseVersion,
      runs,
      performanceScores: scores,
      userAgent: lhr.environment && lhr.environment.hostUserAgent,
      benchmarkIndex: lhr.environment && lhr.environment.benchmarkIndex,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      speedIndex: num('speed-index'),
      bytes: num('total-byte-weight'),
      warnings: lhr.runWarnings || [],
      failing,
    };
  } finally {
    await chrome.kill();
  }
}
