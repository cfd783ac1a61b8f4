// Runs in: renderer (types only). window.authdesk is the preload's bridge, typed from the contract.
import type { AuthdeskBridge } from '../../electron/preload/bridge.ts';

declare global {
  interface Window {
    readonly authdesk: AuthdeskBridge;
  }
}

export {};
