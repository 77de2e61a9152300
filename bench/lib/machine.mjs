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
