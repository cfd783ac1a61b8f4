// Runs in: renderer.
//
// What the desktop shell asks the window to show (a notification clicked, a link opened): the
// window takes the waiting request on start, after each unlock and whenever main says one waits
// (Note navigation from the shell, electron/core/app/shell.ts), and shows it: a screen, focused
// on one item, or the add dialog on a staged preview or a link's error.
import type { NavigateTarget } from '../../../../electron/core/api/types.ts';
import { openAddOn } from '../add/add-flow.svelte.ts';
import { settle } from '../bridge.ts';
import type { ScreenId } from './screens.ts';

/**
 * The item a screen should bring into view and focus once its list has loaded; the screen
 * clears it when it has, or says briefly that it is gone (focusItem, below).
 */
export const shellFocus = $state<{ challengeId: string | null; profileId: string | null }>({ challengeId: null, profileId: null });

function show(target: NavigateTarget, go: (screen: ScreenId, focusTitle: boolean) => void): void {
  switch (target.screen) {
    case 'approvals':
      shellFocus.challengeId = target.challengeId ?? null;
      go('approvals', target.challengeId === undefined);
      return;
    case 'sessions':
      shellFocus.profileId = target.profileId;
      go('sessions', false);
      return;
    case 'add':
      // Added accounts appear on Codes, behind the dialog.
      go('codes', false);
      openAddOn('preview' in target ? { preview: target.preview } : { problem: target.problem });
  }
}

/** Follows the shell's requests until the returned function is called. */
export function followShell(go: (screen: ScreenId, focusTitle: boolean) => void): () => void {
  const take = async (): Promise<void> => {
    const taken = await settle(() => window.authdesk.shell.takeNavigation());
    if (taken.status === 'ready' && taken.value !== null) show(taken.value, go);
  };
  void take();
  const stops = [
    window.authdesk.shell.onNavigation(() => void take()),
    window.authdesk.vault.onStatus((status) => {
      if (status.state === 'unlocked') void take();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

// Long enough to read a sentence, short enough not to linger over the screen.
const GONE_MS = 8000;

/** Brings item into view and focuses it (its `field` when it has one); when it is gone, says `gone` for a few seconds instead. */
export function focusItem(item: HTMLElement | null | undefined, field: string, say: (words: string) => void, gone: string): void {
  if (item) {
    item.scrollIntoView({ block: 'center' });
    (item.querySelector<HTMLElement>(field) ?? item).focus();
    say('');
    return;
  }
  say(gone);
  setTimeout(() => say(''), GONE_MS);
}
