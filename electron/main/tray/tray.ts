// Runs in: main. The tray icon and its menu: a thin adapter from core's events to Electron's
// Tray and Menu. What the menu shows is menu-model.ts; what its items do is tray-actions.ts.
import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { Core } from '../../core/app/core.ts';
import type { VaultState } from '../../core/vault/status.ts';
import type { WindowKeeper } from '../window/window-keeper.ts';
import { menuKey, trayMenu, type TrayAction } from './menu-model.ts';
import { menuTemplate } from './menu-template.ts';
import { trayActions } from './tray-actions.ts';
import { trayIconFile, TRAY_ICONS_DIR } from './tray-icon.ts';
import { readTrayState, TrayIdentities } from './tray-state.ts';

export interface TrayOptions {
  readonly core: Core;
  readonly windows: WindowKeeper;
  /** The folder main's bundle runs from (dist/main), where the build puts the icons. */
  readonly mainDir: string;
  readonly platform: NodeJS.Platform;
  readonly quit: () => void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Creates the tray (after 'ready') and keeps its menu in step with core while the app runs. */
export function installTray({ core, windows, mainDir, platform, quit }: TrayOptions): void {
  const icon = trayIconFile(platform);
  const image = nativeImage.createFromPath(join(mainDir, TRAY_ICONS_DIR, icon.file));
  if (icon.template) image.setTemplateImage(true);
  // Core's listeners below hold `tray` through render(), so it lives as long as the app: a Tray
  // nothing refers to is garbage-collected and its icon disappears.
  const tray = new Tray(image);

  let reported: VaultState = 'locked';
  let heard = false;
  let shownKey = '';
  let shownTooltip = '';
  const identities = new TrayIdentities((profileId) => core.sessions.identities(profileId), () => render());
  const run = trayActions(core, { showWindow: () => void windows.show(), quit });
  const click = (action: TrayAction): void => {
    void run(action).finally(() => {
      // Electron ticks a radio item as it is clicked; a switch the service refused must untick it.
      if (action.type === 'switch-identity') render(true);
    });
  };

  // Note (rebuild only on change): on Linux, each setContextMenu sends the whole menu over D-Bus
  // to the panel, and a menu rebuilt while open closes under the pointer on some desktops.
  function render(force = false): void {
    const menu = trayMenu(readTrayState(core, reported, identities), (ms) => timeFormat.format(ms));
    if (menu.tooltip !== shownTooltip) {
      shownTooltip = menu.tooltip;
      tray.setToolTip(menu.tooltip);
    }
    const key = menuKey(menu);
    if (key === shownKey && !force) return;
    shownKey = key;
    tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(menu.items, click, platform)));
  }

  // On Windows a click on the icon opens the window (the menu is on the right button); on Linux
  // 'click' is the panel's activation of the icon. On macOS a click opens the menu.
  if (platform !== 'darwin') tray.on('click', () => void windows.show());

  core.vault.onStatus((status) => {
    heard = true;
    reported = status.state;
    // Locking takes the accounts, profiles and approvals out of the menu at once.
    if (status.state !== 'unlocked') identities.clear();
    render();
  });
  core.onAccountsChange(() => render());
  core.profiles.onChange(() => render());
  core.sessions.onState((event) => {
    identities.seen(event);
    render();
  });
  core.approvals.onEvent(() => render());
  render();
  // Whether a vault exists yet ("Set up Authdesk…" or "Unlock…"), unless an event said since.
  void core.vault.status().then(
    (status) => {
      if (heard) return;
      reported = status.state;
      render();
    },
    () => {},
  );
}
