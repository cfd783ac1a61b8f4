// Runs in: main, CLI, tests.
//
// The device key and the three signed messages of docs/device-approvals.md §2: ECDSA P-256
// with SHA-256 through WebCrypto, signatures in IEEE P1363 (r || s) as base64url without
// padding, messages as lines joined by "\n". The private key is kept (in the vault) as PKCS#8
// and imported for each signature, so no CryptoKey outlives the vault's lock.
//
// Note (one message format): these lines must match the server's (test/sandbox/approvals/signing.ts)
// and the document; change all three together.

const subtle = globalThis.crypto.subtle;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The public half as the server takes it (§3.2). */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

export interface NewDeviceKey {
  /** PKCS#8 DER, base64: goes into the vault, never anywhere else. */
  readonly privateKey: string;
  /** SPKI DER, base64. */
  readonly publicKey: string;
  readonly publicJwk: PublicJwk;
}

export async function newDeviceKey(): Promise<NewDeviceKey> {
  const pair = await subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: Buffer.from(await subtle.exportKey('pkcs8', pair.privateKey)).toString('base64'),
    publicKey: Buffer.from(await subtle.exportKey('spki', pair.publicKey)).toString('base64'),
    publicJwk: { kty: 'EC', crv: 'P-256', x: String(jwk.x), y: String(jwk.y) },
  };
}

/** Signs `lines` joined by "\n" with the PKCS#8 key from the vault. */
export async function signLines(privateKey: string, lines: readonly string[]): Promise<string> {
  const key = await subtle.importKey('pkcs8', Buffer.from(privateKey, 'base64'), ALGORITHM, false, ['sign']);
  const signature = await subtle.sign(SIGNATURE, key, new TextEncoder().encode(lines.join('\n')));
  return Buffer.from(signature).toString('base64url');
}

export const streamLines = (deviceId: string, nonce: string): string[] => ['authdesk-stream-v2', deviceId, nonce];

export const decisionLines = (challengeId: string, decision: string, typedNumber: string | null, decidedAt: number): string[] => [
  'authdesk-approval-v2',
  challengeId,
  decision,
  typedNumber ?? '',
  String(decidedAt),
];

export const requestLines = (method: string, path: string, deviceId: string, time: number): string[] => ['authdesk-request-v2', method, path, deviceId, String(time)];
