// Runs in: main, CLI, tests.
//
// What a person pastes for an Appgate controller, completed to its admin API base
// (CONTRACTS C.1: https://<controller>:8443/admin): a bare `https://host` gets the admin port
// and path; a URL that already ends in /admin (the sandbox's printed one, a controller behind
// a proxy) is kept as it is.
//
// Note (plain HTTP): the admin API carries passwords and tokens, so http:// is accepted only on
// this machine (the sandbox, an SSH tunnel); anywhere else it is refused, not silently upgraded.

import { AuthdeskError } from '../../errors.ts';

const ADMIN_PATH = '/admin';
const ADMIN_PORT = '8443';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function appgateBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid('That is not a web address.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw invalid(url.protocol === 'http:' ? 'The admin API carries passwords, so it must be reached over https://.' : `It must start with https://, not ${url.protocol}//.`);
  }
  if (url.username || url.password) throw invalid('Leave the username and password out of the address; the profile keeps them.');
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') {
    url.pathname = ADMIN_PATH;
    if (url.port === '' && url.protocol === 'https:') url.port = ADMIN_PORT;
  } else if (!path.endsWith(ADMIN_PATH)) {
    throw invalid(`Give the controller's address (https://controller) or its admin API, which ends in ${ADMIN_PATH}.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function invalid(reason: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${reason} For Appgate SDP, use the controller's address, such as https://controller.example.com (Authdesk adds :${ADMIN_PORT}${ADMIN_PATH}).`, { details: { field: 'url' } });
}
