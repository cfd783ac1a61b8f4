// Runs in: main, CLI, tests.
//
// The codes the user sees: for every account its current and next code and the window the
// current one is valid in. Main sends these to the renderer, which draws the countdown
// itself (DESIGN §4), so nothing here runs between period boundaries.
import { AuthdeskError } from '../errors.ts';
import { counterCode, prepare } from '../otp/engine.ts';
import { MAX_HOTP_COUNTER } from '../otp/entry.ts';
import type { OtpGenerator } from '../otp/engine.ts';
import type { Clock } from '../platform/ports.ts';
import type { OtpParams } from '../otp/params.ts';
import type { Account } from '../vault/model.ts';
import type { VaultAccess } from './vault-access.ts';

/** What the renderer gets: metadata only, never the secret. */
export interface AccountCode {
  readonly id: string;
  /** TOTP/Steam: the current code. HOTP: the code last asked for, or null before that. */
  readonly code: string | null;
  /** TOTP/Steam: the code of the next period. HOTP: null (it is only made when asked for). */
  readonly next: string | null;
  /** Milliseconds since the epoch. */
  readonly validFrom: number;
  /** Milliseconds since the epoch; null for HOTP, whose code is valid until it is used. */
  readonly validUntil: number | null;
  /** Set when this account's stored settings cannot make codes (a damaged vault entry). */
  readonly error?: string;
}

// Note (one bad account): a vault written by an older or altered Authdesk may hold an account
// whose settings make no code. That row gets this error and no code; the others still work.
const UNUSABLE = "This account's stored settings are damaged and make no code. Remove it and add it again from the service.";

function unusable(id: string, at: number): AccountCode {
  return { id, code: null, next: null, validFrom: at, validUntil: null, error: UNUSABLE };
}

export interface CodesWatch {
  /** Pushes the codes now, e.g. after the accounts changed. */
  refresh(): void;
  stop(): void;
}

interface Cached {
  readonly generator: OtpGenerator;
  step: number;
  code: AccountCode;
}

function timeWindow(id: string, generator: OtpGenerator, step: number, current?: string): AccountCode {
  const { period } = generator.otp;
  const start = step * period;
  return {
    id,
    code: current ?? generator.time(start),
    next: generator.time(start + period),
    validFrom: start * 1000,
    validUntil: (start + period) * 1000,
  };
}

/** When the first of these codes expires (ms since the epoch); null when none does. */
function earliestExpiry(codes: readonly AccountCode[]): number | null {
  let earliest: number | null = null;
  for (const code of codes) {
    if (code.validUntil !== null && (earliest === null || code.validUntil < earliest)) earliest = code.validUntil;
  }
  return earliest;
}

export class CodesService {
  readonly #vault: VaultAccess;
  readonly #clock: Clock;
  // Note (cache): keyed by the OtpParams object, which the vault replaces whenever an
  // account's OTP changes, so an entry can never be stale and a removed account's entry
  // goes with it. At a boundary the cached "next" code becomes the current one, so a tick
  // costs one HMAC per account, not two.
  #cache = new WeakMap<OtpParams, Cached>();
  // Codes that do not change with time (an HOTP account with no code asked for, a damaged
  // one), kept as one object each so the watch does not send them at every boundary.
  #timelessCache = new WeakMap<OtpParams, AccountCode>();
  readonly #revealed = new Map<string, { readonly counter: number; readonly code: AccountCode }>();

  constructor(vault: VaultAccess, clock: Clock) {
    this.#vault = vault;
    this.#clock = clock;
  }

  /** Current and next codes of every account, in the vault's order. */
  list(): AccountCode[] {
    return this.of(this.#vault.data().accounts);
  }

  /** Current and next codes of these accounts (the first screenful), in their order. */
  of(accounts: readonly Account[]): AccountCode[] {
    const now = this.#clock.now();
    return accounts.map((account) => {
      try {
        return this.#codeOf(account, now);
      } catch {
        return this.#timeless(account, () => unusable(account.id, now));
      }
    });
  }

  /**
   * The code a copy puts on the clipboard: the current one (TOTP, Steam) or the one last asked
   * for (HOTP). Never a code the window was not shown.
   */
  current(accountId: string): string {
    const account = this.#vault.data().accounts.find((a) => a.id === accountId);
    if (account === undefined) throw new AuthdeskError('NOT_FOUND', 'There is no account with this id.');
    let code: AccountCode;
    try {
      code = this.#codeOf(account, this.#clock.now());
    } catch {
      throw new AuthdeskError('OTP_UNSUPPORTED', UNUSABLE);
    }
    if (code.code === null) throw new AuthdeskError('OTP_UNSUPPORTED', 'This HOTP account shows no code yet: ask for the next code first.');
    return code.code;
  }

  /** The codes at another moment (the CLI's --at); HOTP gives null, it has no time. */
  codeAt(account: Account, unixSeconds: number): AccountCode {
    if (account.otp.type === 'hotp') return { id: account.id, code: null, next: null, validFrom: unixSeconds * 1000, validUntil: null };
    try {
      return timeWindow(account.id, prepare(account.otp), Math.floor(unixSeconds / account.otp.period));
    } catch {
      return unusable(account.id, unixSeconds * 1000);
    }
  }

  /**
   * Makes the next HOTP code: the counter is advanced and saved first, so a code is never
   * shown twice, even if the app dies right after showing it.
   */
  async nextHotp(accountId: string): Promise<AccountCode> {
    let used: Account | undefined;
    await this.#vault.mutate((data) => {
      const account = data.accounts.find((a) => a.id === accountId);
      if (account === undefined) throw new AuthdeskError('NOT_FOUND', 'There is no account with this id.');
      if (account.otp.type !== 'hotp') throw new AuthdeskError('OTP_UNSUPPORTED', 'Only HOTP accounts have a next code to ask for.');
      if (!Number.isSafeInteger(account.otp.counter) || account.otp.counter < 0) throw new AuthdeskError('OTP_UNSUPPORTED', UNUSABLE);
      if (account.otp.counter >= MAX_HOTP_COUNTER) {
        throw new AuthdeskError('OTP_UNSUPPORTED', 'This HOTP account has used its last counter value and makes no more codes. Ask the service for a new secret and add it again.');
      }
      used = account;
      const advanced: Account = { ...account, otp: { ...account.otp, counter: account.otp.counter + 1 }, updatedAt: this.#clock.now() };
      return { ...data, accounts: data.accounts.map((a) => (a.id === accountId ? advanced : a)) };
    });
    if (used === undefined) throw new AuthdeskError('NOT_FOUND', 'There is no account with this id.');
    const code: AccountCode = { id: accountId, code: counterCode(used.otp, used.otp.counter), next: null, validFrom: this.#clock.now(), validUntil: null };
    this.#revealed.set(accountId, { counter: used.otp.counter + 1, code });
    return code;
  }

  /**
   * Calls listener with every code now, then, each time a shown code expires, with the codes
   * that changed since, through the Clock, until stopped. refresh() pushes what changed at once
   * (after an account was added, edited or removed). A failure (the vault locked) stops the
   * watch and goes to onError.
   *
   * Note (changed codes only): a code object is kept until its period ends (#codeOf's cache), so
   * "changed" is "another object than last time": at a boundary only the accounts whose period
   * ended are sent, and an edit that leaves the OTP alone sends nothing. The window merges them
   * (renderer/src/lib/codes/codes.svelte.ts); change the two together.
   */
  watch(listener: (codes: AccountCode[]) => void, onError: (error: unknown) => void): CodesWatch {
    let timer: { cancel(): void } | undefined;
    let stopped = false;
    let sent: ReadonlyMap<string, AccountCode> | null = null;
    const tick = (): void => {
      timer?.cancel();
      timer = undefined;
      if (stopped) return;
      let codes: AccountCode[];
      try {
        codes = this.list();
      } catch (error) {
        stopped = true;
        onError(error);
        return;
      }
      const previous = sent;
      sent = new Map(codes.map((code) => [code.id, code]));
      const changed = previous === null ? codes : codes.filter((code) => previous.get(code.id) !== code);
      if (previous === null || changed.length > 0) listener(changed);
      const until = earliestExpiry(codes);
      if (until !== null && !stopped) timer = this.#clock.setTimeout(tick, Math.max(0, until - this.#clock.now()));
    };
    tick();
    return {
      refresh: tick,
      stop: () => {
        stopped = true;
        timer?.cancel();
      },
    };
  }

  /** Forgets every code, e.g. when the vault locks. */
  clear(): void {
    this.#cache = new WeakMap();
    this.#timelessCache = new WeakMap();
    this.#revealed.clear();
  }

  #timeless(account: Account, make: () => AccountCode): AccountCode {
    const kept = this.#timelessCache.get(account.otp);
    if (kept !== undefined && kept.id === account.id) return kept;
    const code = make();
    this.#timelessCache.set(account.otp, code);
    return code;
  }

  #codeOf(account: Account, now: number): AccountCode {
    const { id, otp } = account;
    if (otp.type === 'hotp') {
      const revealed = this.#revealed.get(id);
      // A code stays on screen until the counter moves on (another device, an edit, an import).
      if (revealed !== undefined && revealed.counter === otp.counter) return revealed.code;
      return this.#timeless(account, () => ({ id, code: null, next: null, validFrom: account.updatedAt, validUntil: null }));
    }
    const step = Math.floor(now / (otp.period * 1000));
    let cached = this.#cache.get(otp);
    if (cached === undefined || cached.code.id !== id) {
      const generator = prepare(otp);
      cached = { generator, step, code: timeWindow(id, generator, step) };
      this.#cache.set(otp, cached);
    } else if (cached.step !== step) {
      // Updated in place: a tick touches the WeakMap once per account, not twice.
      cached.code = timeWindow(id, cached.generator, step, cached.step + 1 === step ? (cached.code.next ?? undefined) : undefined);
      cached.step = step;
    }
    return cached.code;
  }
}
