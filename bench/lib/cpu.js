'use strict';
// CPU time of the processes in the benchmark, read from /proc (Linux), so each phase can say who
// burnt the cores: app instances, PostgreSQL, Redis, Meilisearch, the load generator itself.
const { readFileSync, readdirSync } = require('node:fs');

const TICKS = 100; // USER_HZ on Linux

function statOf(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state ppid ... utime(14th field overall → index 11) stime cutime cstime
    return {
      ppid: Number(fields[1]),
      utime: Number(fields[11]),
      stime: Number(fields[12]),
      cutime: Number(fields[13]),
      cstime: Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

/** Seconds of CPU of one process (its own time only). */
function processCpu(pid) {
  const s = statOf(pid);
  return s ? (s.utime + s.stime) / TICKS : 0;
}

/**
 * A server with worker children (PostgreSQL): the parent, its live children, and the children it
 * has already reaped (cutime/cstime), so short-lived backends are counted too.
 */
function treeCpu(rootPid) {
  const root = statOf(rootPid);
  if (!root) return 0;
  let ticks = root.utime + root.stime + root.cutime + root.cstime;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = statOf(entry);
    if (s && s.ppid === rootPid) ticks += s.utime + s.stime;
  }
  return ticks / TICKS;
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function parentPid(pid) {
  return statOf(pid)?.ppid;
}

/**
 * Tracks named processes; `snapshot()` returns CPU seconds per name, `delta(a, b)` the CPU spent
 * between two snapshots.
 */
class CpuMeter {
  constructor() {
    this.targets = new Map();
  }

  /** kind 'process' (one pid) or 'tree' (a pid and its children) */
  track(name, pid, kind = 'process') {
    if (pid) this.targets.set(name, { pid, kind });
  }

  untrack(name) {
    this.targets.delete(name);
  }

  snapshot() {
    const at = process.hrtime.bigint();
    const self = process.cpuUsage();
    const cpu = { 'load generator (bench)': (self.user + self.system) / 1e6 };
    for (const [name, { pid, kind }] of this.targets) cpu[name] = kind === 'tree' ? treeCpu(pid) : processCpu(pid);
    return { at, cpu };
  }

  static delta(before, after) {
    const wall = Number(after.at - before.at) / 1e9;
    const out = { wallSeconds: Number(wall.toFixed(2)) };
    for (const [name, value] of Object.entries(after.cpu)) {
      if (before.cpu[name] === undefined) continue;
      const seconds = value - before.cpu[name];
      out[name] = {
        cpuSeconds: Number(seconds.toFixed(2)),
        cores: Number((seconds / Math.max(wall, 1e-9)).toFixed(2)),
      };
    }
    return out;
  }
}

module.exports = { CpuMeter, rssKb, parentPid, processCpu };
