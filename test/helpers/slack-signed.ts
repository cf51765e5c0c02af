import { createHmac } from 'node:crypto';

/** A POST to a Slack endpoint signed as Slack signs it (`v0=` HMAC of `v0:<timestamp>:<body>` with the signing secret). */
export function postSignedBySlack(
  url: string,
  body: string,
  secret: string,
  opts: { ts?: number; noTimestamp?: boolean } = {},
): Promise<Response> {
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-signature': signature,
  };
  if (!opts.noTimestamp) headers['x-slack-request-timestamp'] = ts;
  return fetch(url, { method: 'POST', headers, body });
}
