/** Where secrets come from (NAME or NAME_FILE) and how their values are kept out of every message. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, substituteEnv } from '../../src/config/config-issue.js';
import { FetchFailure } from '../../src/fetch/fetch-result.js';
import { loadSecretFiles } from '../../src/config/secret-files.js';
import {
  readSecret,
  redactSecrets,
  registerEnvSecrets,
  registerSecret,
  secretValues,
} from '../../src/security/secrets.js';

const dir = mkdtempSync(join(tmpdir(), 'regwatch-secrets-'));
function secretFile(name: string, value: string): string {
  const path = join(dir, name);
  writeFileSync(path, value);
  return path;
}

describe('secrets', () => {
  it('readSecret prefers NAME, else reads the file NAME_FILE names (one trailing newline off) and registers it', () => {
    const path = secretFile('tok', 'file-token-771a9c\n');
    expect(readSecret('X_TOKEN', { X_TOKEN: 'direct-value', X_TOKEN_FILE: path })).toBe('direct-value');
    expect(readSecret('X_TOKEN', { X_TOKEN_FILE: path })).toBe('file-token-771a9c');
    expect(redactSecrets('token is file-token-771a9c.')).toBe('token is [redacted].');
    expect(readSecret('NOPE', {})).toBeUndefined();
    expect(() => readSecret('X_TOKEN', { X_TOKEN_FILE: join(dir, 'missing') })).toThrow(
      /X_TOKEN_FILE: cannot read .*ENOENT/,
    );
  });

  it('redacts a registered value as is, JSON-escaped and percent-encoded, longest first', () => {
    registerSecret('p"w/d+q 9917');
    registerSecret('short');
    registerSecret('abcdefgh');
    registerSecret('abcdefgh-longer');
    expect(redactSecrets('a p"w/d+q 9917 b')).toBe('a [redacted] b');
    expect(redactSecrets(JSON.stringify({ msg: 'p"w/d+q 9917' }))).toBe('{"msg":"[redacted]"}');
    expect(redactSecrets(`?k=${encodeURIComponent('p"w/d+q 9917')}`)).toBe('?k=[redacted]');
    expect(redactSecrets('abcdefgh-longer')).toBe('[redacted]');
    // Values too short to mean anything are not registered (they would mangle ordinary words).
    expect(redactSecrets('a short word')).toBe('a short word');
  });

  it('secretValues picks variables by name and passwords inside URLs, never *_FILE paths', () => {
    const values = secretValues({
      SLACK_BOT_TOKEN: 'xoxb-123456',
      MY_API_KEY: 'k-99887766',
      REGWATCH_STORE: 'postgres://rw:s3cr3tpw@db:5432/rw',
      SLACK_SIGNING_SECRET_FILE: '/run/secrets/slack',
      HOME: '/root/not-a-secret',
    });
    expect(values.sort()).toEqual(['k-99887766', 's3cr3tpw', 'xoxb-123456']);
  });

  it('config ${VAR} comes from VAR_FILE too; secret-named variables and values of secret keys are registered', () => {
    const path = secretFile('hook', 'https://hooks.example/T000/B000/hookpart-55aa\n');
    const text = [
      'channels:',
      '  - id: a',
      '    type: webhook',
      '    url: ${ALERT_HOOK}',
      '    secret: ${PLAIN_NAME}',
      '    channel: "${CHANNEL_NAME}"',
    ].join('\n');
    const { text: out, issues } = substituteEnv(
      text,
      { ALERT_HOOK_FILE: path, PLAIN_NAME: 'plain-but-secret-3321', CHANNEL_NAME: 'rare-earths-desk' },
      'notify.yaml',
    );
    expect(issues).toEqual([]);
    expect(out).toContain('url: https://hooks.example/T000/B000/hookpart-55aa\n');
    expect(redactSecrets('POST https://hooks.example/T000/B000/hookpart-55aa failed')).toBe('POST [redacted] failed');
    expect(redactSecrets('sig plain-but-secret-3321')).toBe('sig [redacted]');
    // A channel name is not a secret: it stays readable in logs.
    expect(redactSecrets('#rare-earths-desk')).toBe('#rare-earths-desk');
  });

  it('an unreadable VAR_FILE is a config issue naming the variable and the file', () => {
    const { issues } = substituteEnv('url: ${GONE}\n', { GONE_FILE: join(dir, 'nowhere') }, 'notify.yaml');
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^notify\.yaml:1:6: GONE_FILE: cannot read .*ENOENT/),
    ]);
  });

  it('failure messages never carry a registered secret (they reach logs, health, check and status)', () => {
    registerSecret('tok-in-url-4412');
    const failure = new FetchFailure('redirects', 'redirect loop: http://a/?token=tok-in-url-4412 → http://a/');
    expect(failure.message).toBe('redirect loop: http://a/?token=[redacted] → http://a/');
  });

  it('NAME_FILE fills every secret-like name the docs list, …_API_KEY_FILE included, and registers the value', () => {
    const env: NodeJS.ProcessEnv = {
      FEED_API_KEY_FILE: secretFile('api-key', 'feed-api-key-0c41\n'),
      DB_PASSWD_FILE: secretFile('passwd', 'db-passwd-77e1\n'),
      PARTNER_CREDENTIALS_FILE: secretFile('cred', 'partner-cred-a9d2\n'),
      SIGNING_PRIVATE_KEY_FILE: secretFile('pk', 'private-key-3b7f\n'),
      ALERTS_WEBHOOK_FILE: secretFile('wh', 'https://hooks.example/wh-5e21\n'),
      // Not regwatch's and not secret-like: another tool's setting stays that tool's business.
      TF_CLI_CONFIG_FILE: secretFile('tf', 'tf-config\n'),
    };
    expect(loadSecretFiles(env)).toEqual([]);
    expect(env.FEED_API_KEY).toBe('feed-api-key-0c41');
    expect(env.DB_PASSWD).toBe('db-passwd-77e1');
    expect(env.PARTNER_CREDENTIALS).toBe('partner-cred-a9d2');
    expect(env.SIGNING_PRIVATE_KEY).toBe('private-key-3b7f');
    expect(env.ALERTS_WEBHOOK).toBe('https://hooks.example/wh-5e21');
    expect(env.TF_CLI_CONFIG).toBeUndefined();
    expect(redactSecrets('key feed-api-key-0c41 pw db-passwd-77e1')).toBe('key [redacted] pw [redacted]');
  });

  it('a short value (under 6 characters) of a secret-like variable is still redacted', () => {
    expect(secretValues({ PARTNER_API_KEY: 'k7Q2', OTHER: 'k8Q3' })).toEqual(['k7Q2']);
    registerEnvSecrets({ WEBHOOK_SECRET: 'zq9', FEED_TOKEN: 'T0k3n' });
    expect(redactSecrets('signed with zq9 and T0k3n')).toBe('signed with [redacted] and [redacted]');
  });
});
