// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The exact bytes a device signs (docs/device-approvals.md §2). Change together with that page and
// with the app's device code: a single differing byte makes every signature fail verification.

import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

export type Decision = 'APPROVE' | 'DENY' | 'REPORT';

function message(lines: readonly (string | number)[]): Buffer {
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** `typedNumber` is null for DENY and REPORT, signed as the empty string. */
export function decisionMessage(challengeId: string, decision: Decision, typedNumber: string | null, decidedAt: number): Buffer {
  return message(['authdesk-approval-v2', challengeId, decision, typedNumber ?? '', decidedAt]);
}

export function streamMessage(deviceId: string, nonce: string): Buffer {
  return message(['authdesk-stream-v2', deviceId, nonce]);
}

/** Listing and revoking devices: `path` without the query string. */
export function requestMessage(method: string, path: string, signerDeviceId: string, time: number): Buffer {
  return message(['authdesk-request-v2', method, path, signerDeviceId, time]);
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
export function verifySignature(key: KeyObject, signed: Buffer, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  return verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, bytes);
}
