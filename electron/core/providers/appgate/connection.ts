// Runs in: main, CLI, tests.
//
// One login's (or logout's) connection to a controller: the shared HTTPS client with the
// profile's pin and timeout, the negotiated peer version in every Accept header, the bearer
// token when there is one, and the service named as messages name it.
//
// Note (406 resend): a 406 is the controller refusing the Accept header before it reads the
// body, so a call answered 406 spent nothing (no password or code was checked) and is sent
// again once in the version the 406 allows. Any other failure is final: see net/http-client.ts.

import { createHash } from 'node:crypto';
import { PROVIDER_NAMES } from '../types.ts';
import { PIN_OPTION, createHttpClient, type HttpResponse } from '../net/index.ts';
import type { Profile } from '../../vault/model.ts';
import { bodyOrNull } from './answers.ts';
import { peerAccept, peerVersion, renegotiate } from './version.ts';

export interface AppgateCall {
  readonly method: 'GET' | 'POST';
  /** Under the admin base URL: "/authentication". */
  readonly path: string;
  /** The partial or final token, sent as Bearer. */
  readonly token?: string;
  readonly json?: unknown;
}

export interface AppgateConnection {
  /** For messages: "Appgate SDP (lab)". */
  readonly service: string;
  /** LoginRequest.deviceId: stable per profile, so the controller sees one device per profile. */
  readonly deviceId: string;
  send(call: AppgateCall, signal: AbortSignal): Promise<HttpResponse>;
  close(): Promise<void>;
}

export function openConnection(profile: Profile, timeoutMs: number | undefined): AppgateConnection {
  const service = `${PROVIDER_NAMES.appgate} (${profile.name})`;
  const deviceId = deviceIdOf(profile.id);
  const http = createHttpClient({ baseUrl: profile.baseUrl, pin: profile.options[PIN_OPTION] ?? null, service, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  const once = (call: AppgateCall, version: number, signal: AbortSignal) => http.request({
    method: call.method,
    path: call.path,
    headers: { accept: peerAccept(version), ...(call.token === undefined ? {} : { authorization: `Bearer ${call.token}` }) },
    ...(call.json === undefined ? {} : { json: call.json }),
    signal,
  });
  return {
    service,
    deviceId,
    async send(call, signal) {
      const version = await peerVersion(http, profile.baseUrl, service, signal, deviceId);
      const response = await once(call, version, signal);
      if (response.status !== 406) return response;
      const allowed = renegotiate(profile.baseUrl, bodyOrNull(response), service);
      return allowed === null || allowed === version ? response : once(call, allowed, signal);
    },
    close: () => http.close(),
  };
}

/** A UUID derived from the profile id: stable across restarts without storing anything. */
function deviceIdOf(profileId: string): string {
  const hex = createHash('sha256').update(`authdesk-appgate-device\n${profileId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
