/** Small helpers shared by the benchmarks: percentiles, CPU and memory readings, printing. */
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * bin/regwatch.js, run as the `regwatch` command users run (npm links it), so that the Node flags of its shebang apply
 * (`#!/usr/bin/env -S node …`). Spawn it with `commandEnv`, which puts the Node running the bench first on PATH.
 */
export const REGWATCH_CLI = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'regwatch.js');

/** `env` with the directory of the Node running the bench first on PATH: the shebang's `env node` finds that Node. */
export function commandEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}` };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** CPU time (user + system) of this process in ms since `start`. */
export function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** Resident memory in MB of a process (from /proc, Linux), or this process by default. */
export function rssMb(pid: number = process.pid): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return pid === process.pid ? process.memoryUsage().rss / 1048576 : NaN;
  }
}

export function line(label: string, value: string, target?: string): void {
  process.stdout.write(`  ${label.padEnd(44)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}\n`);
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
