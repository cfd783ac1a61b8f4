// Runs in: main, CLI, tests.
//
// Ends a TrueNAS session on the server: the session is its single-use token (see login.ts's
// note), so logging in with it destroys it, and auth.logout then ends the socket's session.
// A token the server no longer accepts has already ended, which is what logout wants.

import type { LogoutRequest } from '../types.ts';
import { ask, connect, pinOf, type TruenasContext } from './login.ts';

export async function logout(request: LogoutRequest, context: TruenasContext): Promise<void> {
  const socket = await connect(request.profile.baseUrl, pinOf(request), context);
  try {
    const answer = await ask(socket, 'auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: request.token }], [request.token], context);
    if ((answer as { response_type?: unknown } | null)?.response_type !== 'SUCCESS') return;
    await ask(socket, 'auth.logout', [], [], context);
  } finally {
    socket.close();
  }
}
