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

/** True only for a well-formed, fresh timestamp and a signature that verifies over timestamp + body. */
export function verifyDiscordSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SKEW_MS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}
