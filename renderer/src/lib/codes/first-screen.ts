// Runs in: renderer.
//
// Note (first screen ahead of the vault's status): the window asks for the first screenful of
// codes as it starts, alongside vault.status, instead of after it: with the vault unlocked
// (a reload, the window reopened from the tray) the Codes screen mounts with its answer already
// on the way, one bridge round trip sooner. Locked, the answer is VAULT_LOCKED and is dropped;
// the screen asks again once it mounts. main.ts starts it; codes.svelte.ts takes it once.
import type { FirstScreen } from '../../../../electron/core/api/types.ts';
import { settle, type Loadable } from '../bridge.ts';

/** Rows asked for before the whole list: more than a tall window shows (64 px each). */
export const FIRST_SCREEN = 30;

let early: Promise<Loadable<FirstScreen>> | null = null;

export function askFirstScreenEarly(): void {
  early = settle(() => window.authdesk.accounts.firstScreen({ count: FIRST_SCREEN }));
}

/** The early answer when it holds codes, else a fresh one; the early one is used at most once. */
export async function firstScreen(): Promise<Loadable<FirstScreen>> {
  const pending = early;
  early = null;
  const answer = pending ? await pending : null;
  return answer?.status === 'ready' ? answer : settle(() => window.authdesk.accounts.firstScreen({ count: FIRST_SCREEN }));
}
