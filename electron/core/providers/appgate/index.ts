// Runs in: main, CLI, tests.
//
// The Appgate SDP Controller admin client (CONTRACTS C) behind the Provider interface: each
// login or logout opens its own connection (the profile's pin, the negotiated peer version)
// and closes it when done.

import type { Profile } from '../../vault/model.ts';
import type { Provider } from '../types.ts';
import { appgateBaseUrl } from './base-url.ts';
import { openConnection, type AppgateConnection } from './connection.ts';
import { refused } from './errors.ts';
import { appgateLogin } from './login.ts';

export interface AppgateProviderOptions {
  /** Per call, connection to last byte (15 s by default); a Push waits the controller's own timeout on top. */
  readonly timeoutMs?: number;
}

export function createAppgateProvider(options: AppgateProviderOptions = {}): Provider {
  const connected = async <T>(profile: Profile, work: (connection: AppgateConnection) => Promise<T>): Promise<T> => {
    const connection = openConnection(profile, options.timeoutMs);
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  };

  return {
    baseUrl: appgateBaseUrl,
    login: (request, signal) => connected(request.profile, (connection) => appgateLogin(connection, request, signal)),
    logout: ({ profile, token }, signal) => connected(profile, async (connection) => {
      const response = await connection.send({ method: 'POST', path: '/authentication/logout', token }, signal);
      // 401: the controller no longer knows the token (expired, revoked), so the session is over either way.
      if (response.status === 204 || response.status === 200 || response.status === 401) return;
      throw refused(response, connection.service, 'logout');
    }),
  };
}
