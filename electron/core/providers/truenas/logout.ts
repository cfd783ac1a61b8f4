// Runs in: main, CLI, tests.
//
// Ends a TrueNAS session on the server: the session is its single-use token (see login.ts's
// note), so logging in with it destroys it, and auth.logout then ends the socket's session.
// A token the server no longer accepts (spent, lapsed, or TOKEN_PLAIN refused in STIG mode,
// where sessions end with their socket) has already ended, which is what logout wants.

import type { LogoutRequest } from '../types.ts';
import { ask, connect, pinOf, resume, type TruenasContext } from './login.ts';

export async function logout(request: LogoutRequest, context: TruenasContext): Promise<void> {
  const socket = await connect(request.profile.baseUrl, pinOf(request), context);
  try {
    if (!(await resume(socket, request.token, context))) return;
    await ask(socket, 'auth.logout', [], [], context);
  } finally {
    socket.close();
  }
}
