// Runs in: main, CLI, tests.
//
// Trust on first use for the self-signed certificates TrueNAS and Appgate appliances ship
// with. A profile without a pin trusts the system's CAs as any client does; when that fails
// for a certificate reason, Authdesk fetches the certificate's SHA-256 fingerprint (over a
// connection that sends nothing) so the person can compare and accept it. A profile with a
// pin trusts exactly that certificate and nothing else, CA-signed or not.
//
// Note (pin format): pins are Node's `fingerprint256` form, "AB:CD:…" upper case, the form
// browsers and `openssl x509 -fingerprint -sha256` print, so a person can compare by eye.
// sessions/ stores it in Profile.options (PIN_OPTION); change both together.

import { connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { AuthdeskError } from '../../errors.ts';

/** The Profile.options key that holds the accepted certificate's fingerprint. */
export const PIN_OPTION = 'certificateSha256';

const FINGERPRINT = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** A pin as stored: the fingerprint upper-cased, or null when it is not one. */
export function normalisePin(pin: string | null | undefined): string | null {
  if (!pin) return null;
  const upper = pin.trim().toUpperCase();
  return FINGERPRINT.test(upper) ? upper : null;
}

// Node's codes for a chain the system's CAs do not vouch for, or a name that does not match.
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True when `error` (or its cause chain) is a failed certificate check. */
export function isCertificateFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function fingerprintOf(socket: TLSSocket): string | null {
  const certificate: PeerCertificate | undefined = socket.getPeerCertificate();
  return certificate && typeof certificate.fingerprint256 === 'string' ? certificate.fingerprint256 : null;
}

export function untrustedCertificate(service: string, fingerprint: string): AuthdeskError {
  return new AuthdeskError(
    'CERT_UNTRUSTED',
    `${service} presented a certificate your system does not trust (normal for a self-signed appliance). Compare its SHA-256 fingerprint with the one the server shows, and trust it only if they match.`,
    { details: { fingerprint } },
  );
}

export function changedCertificate(service: string, fingerprint: string): AuthdeskError {
  return new AuthdeskError(
    'CERT_CHANGED',
    `${service} presented a different certificate from the one you trusted. Authdesk sent nothing. If the server's certificate was renewed, compare the new fingerprint and trust it; otherwise someone may be intercepting the connection.`,
    { details: { fingerprint } },
  );
}

/**
 * The fingerprint of the certificate served at host:port, read from a handshake that is closed
 * before any byte of a request is written.
 */
export async function probeFingerprint(host: string, port: number, signal: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, ...(isIp(host) ? {} : { servername: host }), rejectUnauthorized: false });
    const done = (value: string | null) => {
      signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve(value);
    };
    const abort = () => done(null);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => done(fingerprintOf(socket)));
    socket.once('error', () => done(null));
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
