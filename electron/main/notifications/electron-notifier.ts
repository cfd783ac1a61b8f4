// Runs in: main. The Notifier port over Electron's Notification: each notice from core shown
// by the OS, and a click on one brings the window forward on its item. The decisions live in
// notice-routing.ts.
import { app, Notification } from 'electron';
import type { NavigateTarget } from '../../core/app/shell.ts';
import type { Notifier } from '../../core/platform/ports.ts';
import { NoticeBoard, noticeKey, noticeText, routeClick } from './notice-routing.ts';

// Note (Windows app id): Windows shows an app's notifications only under the AppUserModelId
// its Start-menu shortcut carries, which the installer takes from appId. Change together with
// appId in build/electron-builder.yml.
const APP_USER_MODEL_ID = 'dev.authdesk.app';

export interface NotificationShell {
  /** Opens the main window, or brings it forward (window/window-keeper.ts). */
  showWindow(): void;
  /** Asks the window to show a screen on an item (core.shell.navigate). */
  navigate(target: NavigateTarget): void;
  /** The PNG a notification shows on Linux (window/window-icon.ts); macOS and Windows show the app's own icon. */
  icon: string | undefined;
}

export interface ElectronNotifier extends Notifier {
  /** Takes every notice still shown off the screen: the vault locked, and who asked for what, from where, goes with it. */
  closeAll(): void;
}

/** The notifier main gives the core; null where the OS shows no notifications. */
export function installNotifications(shell: NotificationShell): ElectronNotifier | null {
  if (!Notification.isSupported()) return null;
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const board = new NoticeBoard<Notification>();
  return {
    notify(notice) {
      const shown = new Notification({ ...noticeText(notice), ...(shell.icon === undefined ? {} : { icon: shell.icon }) });
      shown.once('click', () => {
        board.release(shown);
        routeClick(notice.target, shell);
      });
      shown.once('close', () => board.release(shown));
      shown.once('failed', () => board.release(shown));
      board.add(noticeKey(notice.target), shown);
      shown.show();
    },
    closeAll: () => board.closeAll(),
  };
}
