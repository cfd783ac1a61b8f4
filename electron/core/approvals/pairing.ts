// Runs in: main, CLI, tests.
//
// Reads what the service showed for pairing (docs/device-approvals.md §3.1): the link
// `authdesk://pair?server=…&account=…&token=…`, or the bare 43-character token. A link names its
// server and account; a bare token leaves both to the profile.

import { AuthdeskError } from '../errors.ts';

export interface Pairing {
  readonly token: string;
  /** The /approvals/v2 base URL the link names, or null for a bare token. */
  readonly server: string | null;
  readonly account: string | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function refused(why: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${why} Paste the whole pairing link (authdesk://pair?…) or its token as the service shows it.`, { details: { field: 'pairing' } });
}

export function parsePairing(input: string): Pairing {
  const text = input.trim();
  if (TOKEN.test(text)) return { token: text, server: null, account: null };
  if (!text.toLowerCase().startsWith('authdesk://pair?') || !URL.canParse(text)) throw refused('That is not a pairing link or token.');
  const query = new URL(text).searchParams;
  const token = query.get('token') ?? '';
  const server = query.get('server') ?? '';
  const account = query.get('account') ?? '';
  if (!TOKEN.test(token)) throw refused('The pairing link has no valid token.');
  if (!URL.canParse(server) || !/^https?:$/.test(new URL(server).protocol)) throw refused('The pairing link does not name a web address for its server.');
  if (!/^(weavr|appgate):.{1,200}$/.test(account)) throw refused('The pairing link does not name an account.');
  return { token, server: server.replace(/\/+$/, ''), account };
}
