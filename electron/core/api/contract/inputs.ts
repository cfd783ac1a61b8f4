// Runs in: main, preload, CLI, tests. Input schemas more than one namespace uses.
import * as v from 'valibot';

export const none = v.undefined();

// Long enough for any passphrase, short enough that a hostile renderer cannot make Argon2id
// hash megabytes.
export const password = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));

/** An id the core made (a UUID); anything longer is not one of ours. */
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
