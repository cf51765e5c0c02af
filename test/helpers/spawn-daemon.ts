import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { CLI, ROOT } from './run-cli.js';

/** `regwatch run` as a person starts it, with what it writes to standard error collected. */
export class SpawnedDaemon {
  stderr = '';
  stdout = '';
  readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [...CLI, 'run', ...args], {
      cwd: ROOT,
      env: { ...process.env, REGWATCH_PORT: '0', REGWATCH_HISTORY: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.child.stdout!.on('data', (c: Buffer) => (this.stdout += c.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Standard error as JSON lines (with REGWATCH_LOG_FORMAT=json). */
  jsonLines(): Array<Record<string, unknown>> {
    return this.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/**
 * A loopback port nothing listens on: connecting to it is refused at once. A port below 1024 that refuses now: the
 * test servers of a parallel run bind ephemeral ports, so none can take it between this call and its use (a port bound
 * and closed here once was, and a daemon's Slack calls then went to another test's server).
 */
export async function closedPort(): Promise<number> {
  // (None of these is on the fetch standard's list of ports a client refuses to call, such as 1 or 9.)
  for (const port of [47, 61, 71, 97, 127, 211, 301, 401, 501, 701]) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
    });
    if (refused) return port;
  }
  throw new Error('no closed loopback port below 1024 found for the test');
}
