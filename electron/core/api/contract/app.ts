// Runs in: main, preload, renderer (types only), CLI, tests. The `app` namespace.
import { call } from '../spec.ts';
import type { AppInfo } from '../types.ts';
import { none } from './inputs.ts';

export const app = {
  /** The app's name, version and platform, and what the OS keychain can protect. */
  info: call<AppInfo>()(none, 'background'),
} as const;
