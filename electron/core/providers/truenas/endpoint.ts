// Runs in: main, CLI, tests.
//
// What a person pastes for a TrueNAS box, completed to its JSON-RPC endpoint. The web UI's
// address (https://nas), a bare host name, or the WebSocket URL the sandbox prints all name the
// same machine; the client always talks to /api/current (CONTRACTS A.1), the alias of the
// newest API version.

import { AuthdeskError } from '../../errors.ts';

export const API_PATH = '/api/current';

const SCHEMES: Readonly<Record<string, string>> = { 'wss:': 'wss:', 'ws:': 'ws:', 'https:': 'wss:', 'http:': 'ws:' };

export function truenasBaseUrl(input: string): string {
  const text = input.trim();
  if (text === '') throw invalid('Enter the address of the TrueNAS system, for example https://nas.example.com.');
  // A bare host[:port] gets TLS: appliances serve the API over HTTPS, and plain ws would expose the password.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `wss://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(`"${text}" is not an address. Enter the TrueNAS web address, for example https://nas.example.com.`);
  }
  const scheme = SCHEMES[url.protocol];
  if (!scheme) throw invalid(`TrueNAS is reached over https://, wss://, http:// or ws://, not ${url.protocol}//. Enter the web address you open TrueNAS with.`);
  if (url.hostname === '' || url.username !== '' || url.password !== '') throw invalid('Enter the TrueNAS address without a user name or password in it, for example https://nas.example.com.');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== API_PATH) throw invalid(`TrueNAS's API lives at ${API_PATH}; enter the system's address without a path, for example https://${url.host}.`);
  return `${scheme}//${url.host}${API_PATH}`;
}

/** The same endpoint on the host a REDIRECT named ("10.0.0.2", or "10.0.0.2:8443"), keeping scheme, port and path. */
export function redirectedUrl(current: string, target: string): string | null {
  const url = new URL(current);
  let host: URL;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? target : `${url.protocol}//${target}`);
  } catch {
    return null;
  }
  if (host.hostname === '') return null;
  url.hostname = host.hostname;
  if (host.port !== '') url.port = host.port;
  return url.toString();
}

function invalid(message: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', message, { details: { field: 'baseUrl' } });
}
