// Runs in: renderer.
//
// The brand icon each account shows, asked of main in batches: the rows that mount in one
// frame become one icons.match call, and each answer is kept, so scrolling back costs nothing.
// Main matches against simple-icons; the window receives one path and colour per brand shown.
import { SvelteMap } from 'svelte/reactivity';
import type { BrandIcon } from '../../../../electron/core/api/types.ts';
import { afterFirstPaint } from '../ui/first-paint.ts';

interface Query {
  readonly issuer: string;
  readonly label: string;
  readonly icon: string | null;
}

// undefined: not asked yet; null: no brand (letter avatar).
const known = new SvelteMap<string, BrandIcon | null>();
// Bookkeeping between frames that nothing renders: it must not be reactive.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const waiting = new Map<string, Query>();
let scheduled = false;
// The contract takes at most this many a call (contract/icons.ts).
const BATCH = 200;

const keyOf = ({ issuer, label, icon }: Query): string => JSON.stringify([issuer, label, icon]);

async function flush(): Promise<void> {
  scheduled = false;
  const queries = [...waiting.entries()].slice(0, BATCH);
  for (const [key] of queries) waiting.delete(key);
  if (waiting.size > 0) schedule();
  try {
    const result = await window.authdesk.icons.match({ items: queries.map(([, q]) => q) });
    if (!result.ok) return;
    queries.forEach(([key], index) => known.set(key, result.value[index] ?? null));
  } catch {
    // No answer: those rows keep their letters.
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  afterFirstPaint(() => requestAnimationFrame(() => void flush()));
}

/** The brand for an account, reactively: null until known, and when there is none. */
export function brandIcon(query: Query): BrandIcon | null {
  const key = keyOf(query);
  const found = known.get(key);
  if (found === undefined && !known.has(key) && !waiting.has(key)) {
    waiting.set(key, query);
    schedule();
  }
  return found ?? null;
}

/** Forgets every answer: after the user picks another icon for an account. */
export function forgetBrandIcons(): void {
  known.clear();
}
