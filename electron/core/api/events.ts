// Runs in: main, tests (and the e2e harness's and the preview's server side).
//
// Connects the core's events to the contract's event channels, once for every host: main's
// emitters send to the window over IPC, the browser harness's to the page. Returns the
// function that disconnects them all.
import type { CodesWatch } from '../accounts/codes.ts';
import type { Core } from '../app/core.ts';
import type { PromptBroker } from '../app/prompts.ts';
import type { Contract } from './contract/index.ts';
import type { Emitters } from './spec.ts';

export function connectEvents(core: Core, prompts: PromptBroker, emit: Emitters<Contract>): () => void {
  const codes = pushCodes(core, emit);
  const stops = [
    codes,
    core.vault.onStatus((status) => emit.vault.onStatus(status)),
    core.settings.onChange((settings) => emit.settings.onChange(settings)),
    prompts.onEvent((event) => emit.prompts.onEvent(event)),
    core.staging.onProgress((progress) => emit.transfer.onStageProgress(progress)),
    core.backups.onStatus((status) => emit.backups.onStatus(status)),
    core.profiles.onChange((views) => emit.profiles.onChange(views)),
    core.sessions.onState((event) => emit.sessions.onState(event)),
    core.devices.onChange((enrolments) => emit.devices.onChange(enrolments)),
    core.approvals.onEvent((event) => emit.approvals.onEvent(event)),
    core.shell.onNavigation(() => emit.shell.onNavigation()),
    core.palette.onShortcut((status) => emit.palette.onShortcut(status)),
    // A question asked for an unlocked vault must not outlive the lock.
    core.vault.onStatus((status) => {
      if (status.state !== 'unlocked') prompts.withdrawAll();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/**
 * Note (codes push): while the vault is unlocked the window gets every code from the codes
 * watch, at each period boundary and after every account change, and draws the countdown
 * itself; nothing runs between boundaries. The watch starts on unlock and stops on lock.
 * Change together with renderer/src/lib/codes/codes.svelte.ts, which listens.
 */
function pushCodes(core: Core, emit: Emitters<Contract>): () => void {
  let watch: CodesWatch | null = null;
  let connected = true;
  const stopWatch = (): void => {
    watch?.stop();
    watch = null;
  };
  const startWatch = (): void => {
    if (watch !== null || !connected) return;
    // A watch that fails (the vault locked under it) has stopped itself, maybe before watch()
    // returns; the next unlock starts another.
    let failed = false;
    const started = core.codes.watch(
      (codes) => emit.codes.onCodes(codes),
      () => {
        failed = true;
        watch = null;
      },
    );
    if (!failed) watch = started;
  };
  const stops = [
    core.vault.onStatus((status) => (status.state === 'unlocked' ? startWatch() : stopWatch())),
    core.onAccountsChange(() => {
      emit.accounts.onChange();
      watch?.refresh();
    }),
  ];
  // A host may connect to a vault that is already open (a reloaded window keeps main's state).
  void core.vault.status().then(
    (status) => {
      if (status.state === 'unlocked') startWatch();
    },
    () => undefined,
  );
  return () => {
    connected = false;
    for (const stop of stops) stop();
    stopWatch();
  };
}
