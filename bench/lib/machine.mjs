// What the figures were measured on.
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { ROOT } from './data.mjs';

export function describeMachine(chromium) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const mhz = (cpuinfo.match(/^cpu MHz\s*:\s*(.+)$/m) || [])[1];
  let osName = os.type();
  try { osName = (fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m) || [])[1] || osName; } catch {}
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes)';
  } catch {}
  return {
    cpu: model.trim() + (mhz ? ` (${Math.round(Number(mhz))} MHz)` : ''),
    cores: os.cpus().length,
    ram: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${osName}, Linux ${os.release()}`,
    chromium,
    node: process.version,
    commit,
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),

  };
}

function cpuTimes() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] || 0); // idle + iowait
  return { idle, total: f.reduce((a, b) => a + b, 0) };
}

/** Share of all cores busy over `ms` while the bench itself is idle: other work on the machine. */
export async function otherWork(ms = 3000) {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}
