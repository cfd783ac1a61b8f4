// Runs in: sandbox (tests read it; never shipped).
//
// What the TrueNAS endpoint received, frame by frame, and how many sockets are open, so client
// tests can assert that a password or an OTP was sent once and that a cancelled login left no
// socket behind.

export interface ReceivedFrame {
  /** The JSON-RPC method, or null for a frame that was not a call. */
  readonly method: string | null;
  /** auth.login_ex / login_ex_continue: params[0].mechanism. */
  readonly mechanism: string | null;
}

export class TruenasReceived {
  readonly frames: ReceivedFrame[] = [];
  openSockets = 0;

  record(text: string): void {
    let call: { method?: unknown; params?: unknown } | null = null;
    try {
      call = JSON.parse(text) as { method?: unknown; params?: unknown };
    } catch {
      // Recorded as a frame that was not a call.
    }
    const first = Array.isArray(call?.params) ? (call.params[0] as { mechanism?: unknown } | undefined) : undefined;
    this.frames.push({
      method: typeof call?.method === 'string' ? call.method : null,
      mechanism: typeof first?.mechanism === 'string' ? first.mechanism : null,
    });
  }

  /** How many login calls carried `mechanism` (PASSWORD_PLAIN, OTP_TOKEN ...). */
  count(mechanism: string): number {
    return this.frames.filter((frame) => frame.mechanism === mechanism).length;
  }

  reset(): void {
    this.frames.length = 0;
  }
}
