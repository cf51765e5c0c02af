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

/** A loopback port nothing listens on (bound, then closed): connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
