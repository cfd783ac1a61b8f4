// Runs in: Chromium only, inside a bundled preload stand-in (the e2e one and the preview's).
import { buildBridge, type Transport } from '../../../electron/preload/bridge.ts';

/**
 * Builds window.authdesk over the given transport and defines it as
 * contextBridge.exposeInMainWorld does: the page can use the bridge but cannot replace it.
 */
export function exposeBridge(transport: Transport): void {
  Object.defineProperty(globalThis, 'authdesk', { value: buildBridge(transport), enumerable: true, writable: false, configurable: false });
}
