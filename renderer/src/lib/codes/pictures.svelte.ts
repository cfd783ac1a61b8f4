// Runs in: renderer.
//
// The pictures accounts carry (imported Aegis icons), asked of main only for the rows on
// screen: the rows that mount in one frame become one accounts.pictures call, and each answer
// is kept by account and version, so scrolling back costs nothing. See AccountView.picture.
import { SvelteMap } from 'svelte/reactivity';
import type { AccountView } from '../../../../electron/core/api/types.ts';
import { settle, type Loadable } from '../bridge.ts';
import { afterFirstPaint } from '../ui/first-paint.ts';

// undefined: not asked yet; null: none (gone, or the answer failed: the letter stays).
const known = new SvelteMap<string, string | null>();
// Bookkeeping between frames that nothing renders: it must not be reactive.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const waiting = new Map<string, string>();
let scheduled = false;
// The contract takes at most this many a call (MAX_PICTURES in electron/core/api/contract/accounts.ts).
const BATCH = 50;

const keyOf = (account: AccountView): string => `${account.id}:${account.picture ?? ''}`;

async function flush(): Promise<void> {
  scheduled = false;
  const batch = [...waiting.entries()].slice(0, BATCH);
  for (const [key] of batch) waiting.delete(key);
  if (waiting.size > 0) schedule();
  const result = await settle(() => window.authdesk.accounts.pictures({ ids: batch.map(([, id]) => id) }));
  batch.forEach(([key], index) => known.set(key, result.status === 'ready' ? (result.value[index] ?? null) : null));
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  afterFirstPaint(() => requestAnimationFrame(() => void flush()));
}

/** The account's own picture (a data: URL), reactively: null until it is here, and when it has none. */
export function pictureOf(account: AccountView): string | null {
  if (account.picture === null) return null;
  const key = keyOf(account);
  const found = known.get(key);
  if (found === undefined && !waiting.has(key)) {
    waiting.set(key, account.id);
    schedule();
  }
  return found ?? null;
}

/** The picture once it is here, for the edit dialog, which shows and saves it. */
export async function loadPicture(account: AccountView): Promise<Loadable<string | null>> {
  if (account.picture === null) return { status: 'ready', value: null };
  // A null kept here may be a failed answer: only a picture is trusted, or the dialog would save none.
  const found = known.get(keyOf(account));
  if (typeof found === 'string') return { status: 'ready', value: found };
  const result = await settle(() => window.authdesk.accounts.pictures({ ids: [account.id] }));
  return result.status === 'ready' ? { status: 'ready', value: result.value[0] ?? null } : result;
}
