// Runs in: tests (and the e2e harness and `npm run preview`).
//
// The core as the app builds it (createCore, the one composition root), on test ports: a
// temporary or given vault file with a cheap Argon2id, fake power events, settings in memory,
// and the window's PromptBroker. Pass a FakeClock to drive time; the real clock otherwise.
import packageJson from '../../package.json' with { type: 'json' };
import { createCore, type Core, type CorePorts } from '../../electron/core/app/core.ts';
import { PromptBroker } from '../../electron/core/app/prompts.ts';
import { PRODUCT_NAME } from '../../electron/core/platform/paths.ts';
import { systemClock } from '../../electron/core/platform/ports.ts';
import { FakeClipboard } from './clipboard.ts';
import { FakeDialogs } from './dialogs.ts';
import { FakePower } from './power.ts';
import { FakeScreens } from './screen.ts';
import { MemorySettingsStore } from './settings.ts';
import { CHEAP_KDF } from './vault.ts';

export interface TestCore {
  readonly core: Core;
  readonly prompts: PromptBroker;
  readonly power: FakePower;
  readonly settings: MemorySettingsStore;
  /** The file pickers, scripted by the test (pass dialogs: null for a host without them). */
  readonly dialogs: FakeDialogs;
  /** The system clipboard, in memory (pass clipboard: null for a host without one). */
  readonly clipboard: FakeClipboard;
  /** What the screens show, for "Scan the screen" (pass screen: null for a host without it). */
  readonly screens: FakeScreens;
}

export function createTestCore(vaultPath: string, overrides: Partial<Omit<CorePorts, 'vaultPath' | 'prompt' | 'power' | 'settings'>> = {}): TestCore {
  const prompts = new PromptBroker();
  const power = new FakePower();
  const settings = new MemorySettingsStore();
  const dialogs = new FakeDialogs();
  const clipboard = new FakeClipboard();
  const screens = new FakeScreens();
  const core = createCore({
    app: { name: PRODUCT_NAME, version: packageJson.version, platform: process.platform },
    clock: systemClock,
    keyProtector: null,
    clipboard,
    notifier: null,
    dialogs,
    screen: screens,
    kdf: CHEAP_KDF,
    ...overrides,
    vaultPath,
    power,
    settings,
    prompt: prompts,
  });
  return { core, prompts, power, settings, dialogs, clipboard, screens };
}
