// Runs in: main, CLI, tests.
//
// Appgate's peer version (CONTRACTS C.1, C.4): every admin call names the API version it
// speaks in its Accept header, and a controller refuses one outside its range with 406. The
// version is negotiated once per controller and process: from `GET /version`, or, when that
// gives no usable answer (an older or filtered controller), from the range a 406 names, as
// sdpctl probes with v5.
//
// Note (version range): this client follows the v23 contract; v22's login.yml is identical,
// and the login calls it uses keep their shape back to v18, the oldest the sandbox and current
// controllers accept. A controller newer than 23 that still accepts 23 is spoken to in 23.
// Change NEWEST_PEER_VERSION with CONTRACTS C and test/integration/providers/appgate.test.ts.

import * as v from 'valibot';
import { AuthdeskError } from '../../errors.ts';
import type { HttpClient } from '../net/index.ts';
import { bodyOrNull } from './answers.ts';

export const NEWEST_PEER_VERSION = 23;
export const OLDEST_PEER_VERSION = 18;
/** No controller speaks v5, so its 406 names the range (sdpctl's probe). */
const PROBE_VERSION = 5;

const integer = v.pipe(v.number(), v.integer());
const VersionAnswer = v.object({ peerVersion: integer, lowestPeerVersionSupported: integer });
const NotAcceptableAnswer = v.object({ minSupportedVersion: integer, maxSupportedVersion: integer });

interface Range {
  readonly lowest: number;
  readonly highest: number;
}

/** Negotiated versions by base URL, for the life of the process. */
const negotiated = new Map<string, number>();

export function peerAccept(version: number): string {
  return `application/vnd.appgate.peer-v${version}+json`;
}

/** The version to speak with `baseUrl`, asking the controller the first time. */
export async function peerVersion(http: HttpClient, baseUrl: string, service: string, signal: AbortSignal, deviceId: string): Promise<number> {
  const known = negotiated.get(baseUrl);
  if (known !== undefined) return known;
  const range = (await askVersion(http, signal)) ?? (await probe(http, service, signal, deviceId));
  return remember(baseUrl, range, service);
}

/**
 * After a 406 to a call made in the remembered version (the controller was upgraded or
 * replaced): the version its body allows, remembered; null when the body names no range.
 */
export function renegotiate(baseUrl: string, body: unknown, service: string): number | null {
  const range = rangeOf406(body);
  return range ? remember(baseUrl, range, service) : null;
}

function remember(baseUrl: string, range: Range, service: string): number {
  const version = Math.min(range.highest, NEWEST_PEER_VERSION);
  if (version < range.lowest || version < OLDEST_PEER_VERSION) {
    negotiated.delete(baseUrl);
    throw new AuthdeskError(
      'PROVIDER_UNSUPPORTED',
      `${service} speaks admin API versions ${range.lowest} to ${range.highest}; this Authdesk speaks ${OLDEST_PEER_VERSION} to ${NEWEST_PEER_VERSION}. ${range.lowest > NEWEST_PEER_VERSION ? 'Update Authdesk' : 'Update the controller'} to log in.`,
    );
  }
  negotiated.set(baseUrl, version);
  return version;
}

// Safe to resend (it carries nothing), so a transient failure is retried; a non-answer falls back to the probe.
async function askVersion(http: HttpClient, signal: AbortSignal): Promise<Range | null> {
  const response = await http.request({ method: 'GET', path: '/version', headers: { accept: 'application/json' }, signal, retry: true });
  if (response.status !== 200) return null;
  const parsed = v.safeParse(VersionAnswer, bodyOrNull(response));
  return parsed.success ? { lowest: parsed.output.lowestPeerVersionSupported, highest: parsed.output.peerVersion } : null;
}

// The probe carries no username or password: the controller checks Accept before the body.
async function probe(http: HttpClient, service: string, signal: AbortSignal, deviceId: string): Promise<Range> {
  const response = await http.request({
    method: 'POST', path: '/authentication', headers: { accept: peerAccept(PROBE_VERSION) }, json: { providerName: 'local', deviceId }, signal, retry: true,
  });
  const range = response.status === 406 ? rangeOf406(bodyOrNull(response)) : null;
  if (range) return range;
  throw new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} did not say which admin API versions it speaks (HTTP ${response.status}). Check that the address is an Appgate SDP controller's admin API, usually https://controller:8443/admin.`);
}

function rangeOf406(body: unknown): Range | null {
  const parsed = v.safeParse(NotAcceptableAnswer, body);
  return parsed.success ? { lowest: parsed.output.minSupportedVersion, highest: parsed.output.maxSupportedVersion } : null;
}

