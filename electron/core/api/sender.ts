// Runs in: main, tests.
//
// Note (origin check): the sender of every IPC message must be a frame of the app's own
// origin. The URL is parsed, never compared with startsWith: "app://authdesk.evil" and
// "app://authdesk@evil" both start with the trusted prefix. Change together with
// electron/main/window/protocol.ts, which defines APP_ORIGIN's scheme and host.

export const APP_SCHEME = 'app';
export const APP_HOST = 'authdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isTrustedSender(senderUrl: string | undefined | null, trustedOrigin: string = APP_ORIGIN): boolean {
  if (typeof senderUrl !== 'string' || senderUrl.length === 0) return false;
  let url: URL;
  let trusted: URL;
  try {
    url = new URL(senderUrl);
    trusted = new URL(trustedOrigin);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === trusted.protocol && url.host === trusted.host;
}
