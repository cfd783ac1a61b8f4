// Runs in: main.
//
// Authdesk's window needs no permission (camera, notifications from the page, geolocation...):
// every request and check is refused (checklist 5). Notifications come from main instead.
import type { Session } from 'electron';

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
