import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { registerSecret } from '../security/secrets.js';

/**
 * Who may see the dashboard. Without REGWATCH_DASHBOARD_TOKEN (or _FILE) everyone who reaches the listener may (it
 * binds loopback by default). With it, a request needs `Authorization: Bearer <token>` or the `regwatch_session`
 * cookie the login form sets (an HMAC of the token, never the token itself); else 401. A reverse proxy that
 * authenticates people itself can be trusted through REGWATCH_DASHBOARD_TRUSTED_HEADER (the header it sets).
 */
export const SESSION_COOKIE = 'regwatch_session';

export interface DashboardAuth {
  required: boolean;
  allows(req: IncomingMessage): boolean;
  /** Whether a token typed into the login form is the right one. */
  tokenMatches(candidate: string): boolean;
  /** The cookie value a successful login sets. */
  sessionValue(): string;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The configured token: REGWATCH_DASHBOARD_TOKEN, else the file REGWATCH_DASHBOARD_TOKEN_FILE names. */
export function dashboardToken(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.REGWATCH_DASHBOARD_TOKEN?.trim();
  if (direct) return direct;
  const file = env.REGWATCH_DASHBOARD_TOKEN_FILE;
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    throw new Error(
      `REGWATCH_DASHBOARD_TOKEN_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function dashboardAuth(env: NodeJS.ProcessEnv): DashboardAuth {
  const token = dashboardToken(env);
  const trustedHeader = env.REGWATCH_DASHBOARD_TRUSTED_HEADER?.toLowerCase();
  if (!token && !trustedHeader)
    return { required: false, allows: () => true, tokenMatches: () => true, sessionValue: () => '' };
  if (token) registerSecret(token);
  const session = token ? createHmac('sha256', token).update('regwatch dashboard session').digest('base64url') : '';
  return {
    required: true,
    allows(req) {
      if (trustedHeader && req.headers[trustedHeader]) return true;
      if (!token) return false;
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ') && equal(auth.slice(7).trim(), token)) return true;
      const c = cookie(req, SESSION_COOKIE);
      return c !== undefined && equal(c, session);
    },
    tokenMatches: (candidate) => token !== undefined && equal(candidate.trim(), token),
    sessionValue: () => session,
  };
}
