// Runs in: main.
//
// The renderer is a single page: it never needs to navigate or open a window. Everything is
// refused (checklist 13, 14), and no URL is ever handed to the shell to open (checklist 15).
import { isTrustedSender } from '../../core/api/sender.ts';

/** Same-document navigation inside the app (a reload of app://authdesk/) is the only kind allowed. */
export function isNavigationAllowed(targetUrl: string, appOrigin: string): boolean {
  return isTrustedSender(targetUrl, appOrigin);
}

export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}
