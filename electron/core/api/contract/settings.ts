// Runs in: main, preload, renderer (types only), CLI, tests. The `settings` namespace.
import * as v from 'valibot';
import { settingsShape, type SettingLimits, type Settings } from '../../app/settings.ts';
import { call, event } from '../spec.ts';
import { none } from './inputs.ts';

export const settings = {
  /** Every preference, defaults filled in. */
  get: call<Settings>()(none, 'background'),
  /** The range of each number setting, as settings.update checks it, so the window can check as the user types. */
  limits: call<SettingLimits>()(none, 'background'),
  /** Changes the given preferences; each is checked against its range first. */
  update: call<Settings>()(v.pipe(v.partial(v.strictObject(settingsShape)), v.check((patch) => Object.keys(patch).length > 0, 'at least one setting')), 'user'),
  /** The preferences after every change, from any window or the CLI's file. */
  onChange: event<Settings>(),
} as const;
