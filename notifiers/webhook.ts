import { createHmac } from 'node:crypto';
import * as z from 'zod';
import { builtOnce } from '../src/config/built-once.js';
import { channelBase } from '../src/config/channel-schema.js';
import { DeliveryError, type NotifierFactory } from '../src/notify/notifier.js';
import { postJson, retryAfterMs, type PostAnswer } from '../src/notify/post-json.js';

// Built on first use: a config without a webhook channel never builds it.
const schema = builtOnce(() =>
  z.strictObject({
    ...channelBase,
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'webhook url must be an absolute http(s) URL' }),
    /** Signs each request: X-Regwatch-Timestamp, and X-Regwatch-Signature = sha256=<hex HMAC of "<timestamp>.<body>">. */
    secret: z.string().min(1).optional(),
    headers: z.record(z.string(), z.string()).default({}),
    timeout: z.number().int().positive().default(10_000),
  }),
);

/**
 * sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">, for receivers to verify (design §7). The timestamp (Unix
 * seconds) is signed with the body, so a captured request cannot be replayed once receivers' 5-minute window passed.
 */
export function signBody(body: string, secret: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs the alert JSON (design §7) with Idempotency-Key = alert id; receivers deduplicate by it. */
export const webhookNotifier: NotifierFactory<z.output<ReturnType<typeof schema>>> = {
  type: 'webhook',
  get schema() {
    return schema();
  },
  create(config) {
    const host = new URL(config.url).host;
    return {
      id: config.id,
      type: 'webhook',
      async send(alert) {
        const body = JSON.stringify(alert);
        const headers: Record<string, string> = {
          ...config.headers,
          'content-type': 'application/json',
          'idempotency-key': alert.id,
          'user-agent': 'regwatch/0.1',
        };
        if (config.secret) {
          const timestamp = Math.floor(Date.now() / 1000);
          headers['x-regwatch-timestamp'] = String(timestamp);
          headers['x-regwatch-signature'] = signBody(body, config.secret, timestamp);
        }
        let response: PostAnswer;
        try {
          response = await postJson(config.url, body, headers, config.timeout);
        } catch (error) {
          const reason = (error as Error).message;
          throw new DeliveryError(
            `webhook ${host}: ${reason === 'timed out' ? reason : `request failed (${reason})`}`,
            true,
          );
        }
        const status = response.status;
        if (status >= 200 && status < 300) return;
        if (status === 429 || status >= 500 || status === 408) {
          throw new DeliveryError(
            `webhook ${host}: HTTP ${status}`,
            true,
            retryAfterMs(response.header('retry-after')),
          );
        }
        throw new DeliveryError(
          `webhook ${host}: HTTP ${status}`,
          false,
          undefined,
          status >= 300 && status < 400
            ? `the receiver redirects${response.header('location') ? ` to ${response.header('location')}` : ''}: put the address it redirects to in notify.yaml (alerts are never sent on to another address)`
            : status === 401 || status === 403
              ? 'the receiver refused the request: check the webhook secret and the receiver’s access rules'
              : status === 404
                ? 'the receiver has no such path: check the url in notify.yaml'
                : 'the receiver rejected the alert: check its logs',
        );
      },
    };
  },
};
