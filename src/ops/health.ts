import type { ServerResponse } from 'node:http';
import type { Runner } from '../pipeline/runner.js';
import { redactDeep } from '../security/secrets.js';
import { sendJson } from './http-server.js';

/** A watch whose last check failed, as /healthz shows it. */
export interface FailingWatch {
  id: string;
  consecutiveFailures: number;
  since: string | null;
  lastError: string | null;
  /** True once the ops alert went out (after failureThreshold checks in a row). */
  reported: boolean;
}

/** A destination's delivery state, as /healthz shows it. */
export interface DestinationReport {
  id: string;
  state: 'ok' | 'retrying' | 'failing' | 'down';
  since: string | null;
  lastError: string | null;
  hint: string | null;
  pending: number;
}

/** What the store says about every configured watch and destination now (read by /healthz and /metrics). */
export async function collectState(runner: Runner): Promise<{
  watches: Array<{ id: string; consecutiveFailures: number }>;
  failingWatches: FailingWatch[];
  destinations: DestinationReport[];
}> {
  const watches = [];
  const failingWatches: FailingWatch[] = [];
  for (const w of runner.config.watches) {
    const h = await runner.store.getHealth(w.id);
    watches.push({ id: w.id, consecutiveFailures: h.consecutiveFailures });
    if (h.consecutiveFailures > 0)
      failingWatches.push({
        id: w.id,
        consecutiveFailures: h.consecutiveFailures,
        since: h.failingSince,
        lastError: h.lastError,
        reported: h.reportedDown,
      });
  }
  const destinations: DestinationReport[] = [];
  for (const id of runner.notifiers().keys()) {
    const h = await runner.outbox.health(id);
    const pending = await runner.outbox.pending(id);
    destinations.push({ id, state: h.state, since: h.since, lastError: h.lastError, hint: h.hint, pending });
  }
  return { watches, failingWatches, destinations };
}

/**
 * /healthz: 200 when the config is loaded and the store answers (ready), 503 otherwise; the body lists failing watches
 * and destinations so one request tells an operator what is wrong. `status` is `ok`, `degraded` (a watch failing or a
 * destination not ok — still 200: the bot runs and reports it), `starting`/`stopping` or `store-unreachable` (503).
 */
export async function healthReport(
  runner: Runner | undefined,
  ready: boolean,
): Promise<{ status: number; body: unknown }> {
  if (!runner || !ready) return { status: 503, body: { status: runner ? 'stopping' : 'starting', ready: false } };
  const storeOk = await runner.store.ping();
  if (!storeOk)
    return {
      status: 503,
      body: { status: 'store-unreachable', ready: false, store: { backend: runner.store.backend, ok: false } },
    };
  const { failingWatches, destinations } = await collectState(runner);
  const degraded = failingWatches.length > 0 || destinations.some((d) => d.state !== 'ok');
  return {
    status: 200,
    body: {
      status: degraded ? 'degraded' : 'ok',
      ready: true,
      store: { backend: runner.store.backend, ok: true },
      watches: runner.config.watches.length,
      failingWatches,
      destinations,
    },
  };
}

/** /healthz: the process is alive and answering (always 200); the body is the report above, `ready` included. */
export async function serveHealth(res: ServerResponse, runner: Runner | undefined, ready: boolean): Promise<void> {
  const { body } = await healthReport(runner, ready);
  sendJson(res, 200, redactDeep(body));
}

/** What /readyz needs to know beyond the store: whether the daemon is stopping, and whether chat is mounted. */
export interface ReadinessState {
  stopping: boolean;
  /** The chat integrations the environment asks for (Slack, Discord) have mounted their endpoints. */
  chatMounted: boolean;
}

/**
 * /readyz: 200 only when a Slack or Discord request would be served now — config loaded, chat endpoints mounted,
 * store answering; 503 with the reason otherwise (a load balancer or Kubernetes sends no traffic until then).
 */
export async function readinessReport(
  runner: Runner,
  state: ReadinessState,
): Promise<{ status: number; body: { ready: boolean; reason?: string; [k: string]: unknown } }> {
  const notReady = (reason: string) => ({ status: 503, body: { ready: false, reason } });
  if (state.stopping) return notReady('stopping: finishing in-flight deliveries');
  if (!state.chatMounted) return notReady('starting: the chat endpoints (Slack, Discord) are not mounted yet');
  if (!(await runner.store.ping())) return notReady(`the store (${runner.store.backend}) does not answer`);
  return {
    status: 200,
    body: { ready: true, store: { backend: runner.store.backend, ok: true }, watches: runner.config.watches.length },
  };
}

export async function serveReadiness(res: ServerResponse, runner: Runner, state: ReadinessState): Promise<void> {
  const { status, body } = await readinessReport(runner, state);
  if (status !== 200) res.setHeader('retry-after', '1');
  sendJson(res, status, redactDeep(body));
}
