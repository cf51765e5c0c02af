/**
 * Ed25519 check of Discord's interaction requests: the signature in `X-Signature-Ed25519` covers
 * `X-Signature-Timestamp` + the raw body, made with the application's key (its public half is DISCORD_PUBLIC_KEY).
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Requests older (or newer) than this are refused as replays; Discord sends them at once. */
export const MAX_SKEW_MS = 5 * 60_000;

/** The application's public key (64 hex characters, from the Developer Portal) as a Node key object. */
export function discordPublicKey(hex: string): KeyObject {
  const clean = hex.trim();
  if (!/^[0-9a-f]{64}$/i.test(clean))
    throw new Error('DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Developer Portal');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(clean, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

/**
 * Why a request fails the check — missing headers, a malformed or stale timestamp, a signature that does not verify —
 * or null when the signature verifies over timestamp + body with a fresh timestamp.
 */
export function discordSignatureProblem(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): string | null {
  if (!signature || !timestamp) return 'missing X-Signature-Ed25519 or X-Signature-Timestamp';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed signature or timestamp';
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SKEW_MS) return 'timestamp more than 5 minutes off (a replay?)';
  const ok = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  return ok ? null : 'signature does not match DISCORD_PUBLIC_KEY';
}

/** True only for a well-formed, fresh timestamp and a signature that verifies over timestamp + body. */
export function verifyDiscordSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): boolean {
  return discordSignatureProblem(key, signature, timestamp, body, nowMs) === null;
}
