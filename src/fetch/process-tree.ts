/**
 * Processes and their memory, read from /proc (Linux). Used to find the Chromium that Playwright started and to watch
 * how much memory its whole process tree (browser, renderers, GPU and utility processes) holds. On a system without
 * /proc every answer is empty, and the memory limit simply never triggers.
 */
import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Command line, arguments joined by spaces. */
  cmdline: string;
}

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** The parent pid from /proc/PID/stat (the command name may contain spaces and parentheses, so read after the last ')'). */
function parentOf(pid: number): number | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Every process visible in /proc. */
export function listProcesses(): ProcessInfo[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    out.push({ pid, ppid, cmdline: (readOr(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim() });
  }
  return out;
}

/** `root` and all its descendants. */
export function processTree(root: number, all: ProcessInfo[] = listProcesses()): number[] {
  const children = new Map<number, number[]>();
  for (const p of all) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident memory of one process in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  const statm = readOr(`/proc/${pid}/statm`);
  const pages = statm ? Number(statm.split(' ')[1]) : 0;
  return Number.isFinite(pages) ? pages * PAGE_BYTES : 0;
}

/**
 * Proportional memory of one process in bytes (shared pages divided among the processes sharing them; from
 * /proc/PID/smaps_rollup), or its RSS where the kernel does not offer that.
 */
export function pssBytes(pid: number): number {
  const rollup = readOr(`/proc/${pid}/smaps_rollup`);
  const kb = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] : undefined;
  return kb ? Number(kb) * 1024 : rssBytes(pid);
}

/** Memory of a process tree in MB: summed RSS (counts shared pages once per process) and summed PSS (counts them once). */
export interface TreeMemory {
  rssMb: number;
  pssMb: number;
  processes: number;
}

export function treeMemory(root: number): TreeMemory {
  const pids = processTree(root);
  const mb = (bytes: number) => bytes / (1024 * 1024);
  return {
    rssMb: mb(pids.reduce((sum, pid) => sum + rssBytes(pid), 0)),
    pssMb: mb(pids.reduce((sum, pid) => sum + pssBytes(pid), 0)),
    processes: pids.length,
  };
}

/**
 * Browser processes started by this process: direct children whose command line carries Playwright's
 * `--remote-debugging-pipe` switch.
 */
export function browserChildren(parent = process.pid, all: ProcessInfo[] = listProcesses()): ProcessInfo[] {
  return all.filter((p) => p.ppid === parent && p.cmdline.includes('--remote-debugging-pipe'));
}
