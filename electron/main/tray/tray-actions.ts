// Runs in: main, tests. No 'electron' here: what each tray item does, over core.
//
// A tray click is the person's own action, like a click in the window: it counts as activity
// for auto-lock. Copies go through the window's codes.copy handler, so the clipboard rule
// (cleared after the configured seconds, only if unchanged) is the same whichever way in.
//
// Note (errors from the tray): a menu has nowhere to show an error, so a login, logout or
// identity switch that fails brings the window forward on that profile's row of the Sessions
// screen, where its state says what went wrong in words; a copy that fails brings the window
// forward on its codes. Only the error's code is logged, never its message or any secret.
import type { Core } from '../../core/app/core.ts';
import { codesHandlers } from '../../core/api/handlers/codes.ts';
import { AuthdeskError } from '../../core/errors.ts';
import type { TrayAction } from './menu-model.ts';

export interface TrayHost {
  /** Opens the window, or brings it forward. */
  showWindow(): void;
  quit(): void;
}

function codeOf(error: unknown): string {
  return error instanceof AuthdeskError ? error.code : 'INTERNAL';
}

export function trayActions(core: Core, host: TrayHost): (action: TrayAction) => Promise<void> {
  const copy = codesHandlers(core).copy;
  const failed = (action: TrayAction, error: unknown): void => {
    console.error(`authdesk: the tray's ${action.type} failed (${codeOf(error)})`);
  };
  const showSession = (profileId: string): void => {
    core.shell.navigate({ screen: 'sessions', profileId });
    host.showWindow();
  };
  /** Runs a session call; when it fails, or ends in an error state, the window shows the profile. */
  const onSession = async (action: TrayAction & { readonly profileId: string }, run: () => Promise<{ readonly state: string; readonly error?: { readonly code: string } } | void>) => {
    try {
      const event = await run();
      // Declining the prompt in the window cancels the login: the person is already there.
      if (event?.state === 'error' && event.error?.code !== 'LOGIN_CANCELLED') showSession(action.profileId);
    } catch (error) {
      failed(action, error);
      showSession(action.profileId);
    }
  };

  return async (action) => {
    core.vault.activity();
    switch (action.type) {
      case 'open':
        host.showWindow();
        return;
      case 'quit':
        host.quit();
        return;
      case 'lock':
        core.vault.lock();
        return;
      case 'approvals':
        core.shell.navigate({ screen: 'approvals' });
        host.showWindow();
        return;
      case 'show-session':
        showSession(action.profileId);
        return;
      case 'copy':
        try {
          // HOTP: the next code is made and its counter saved first; copy then takes that code.
          if (action.hotp) await core.codes.nextHotp(action.accountId);
          await copy({ id: action.accountId });
        } catch (error) {
          failed(action, error);
          host.showWindow();
        }
        return;
      case 'login':
        await onSession(action, () => core.sessions.login(action.profileId));
        return;
      case 'logout':
        await onSession(action, () => core.sessions.logout(action.profileId));
        return;
      case 'switch-identity':
        await onSession(action, () => core.sessions.switchIdentity(action.profileId, action.identityId));
        return;
    }
  };
}
