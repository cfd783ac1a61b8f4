// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The exact bytes a device signs (docs/device-approvals.md). Change together with that page and
// with the app's device code: a single differing byte makes every decision fail verification.

import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

export type Decision = 'APPROVE' | 'DENY' | 'REPORT';

export function decisionMessage(challengeId: string, decision: Decision, matchedNumber: number | null, decidedAt: number): Buffer {
  return Buffer.from(`authdesk-approval-v1\n${challengeId}\n${decision}\n${matchedNumber ?? ''}\n${decidedAt}`, 'utf8');
}

export function streamMessage(deviceId: string, time: number): Buffer {
  return Buffer.from(`authdesk-stream-v1\n${deviceId}\n${time}`, 'utf8');
}

/** An enrolled device's key: a P-256 public JWK, as WebCrypto's exportKey('jwk') gives it. */
export function importDeviceKey(jwk: unknown): KeyObject | undefined {
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const { kty, crv, x, y, d } = jwk as Record<string, unknown>;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || d !== undefined) return undefined;
  try {
    return createPublicKey({ key: { kty, crv, x, y } as JsonWebKey, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** ECDSA P-256 with SHA-256; the signature is r||s (64 bytes, IEEE P1363, WebCrypto's format), base64url. */
export function verifySignature(key: KeyObject, message: Buffer, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, bytes);
}
