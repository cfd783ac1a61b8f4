// Runs in: main, tests (and the e2e harness's and the preview's server side).
//
// Binds each channel of the contract to the core that answers it, one file per namespace.
// Main, the e2e harness and the preview all build their router from this, so the renderer is
// tested against the handlers the app ships.
import type { Core } from '../../app/core.ts';
import type { PromptBroker } from '../../app/prompts.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';
import { accountsHandlers } from './accounts.ts';
import { appHandlers } from './app.ts';
import { approvalsHandlers } from './approvals.ts';
import { backupsHandlers } from './backups.ts';
import { codesHandlers } from './codes.ts';
import { devicesHandlers } from './devices.ts';
import { iconsHandlers } from './icons.ts';
import { paletteHandlers } from './palette.ts';
import { profilesHandlers } from './profiles.ts';
import { promptsHandlers } from './prompts.ts';
import { sessionsHandlers } from './sessions.ts';
import { settingsHandlers } from './settings.ts';
import { shellHandlers } from './shell.ts';
import { transferHandlers } from './transfer.ts';
import { vaultHandlers } from './vault.ts';

export function createHandlers(core: Core, prompts: PromptBroker): Handlers<Contract> {
  return {
    app: appHandlers(core),
    vault: vaultHandlers(core),
    accounts: accountsHandlers(core),
    codes: codesHandlers(core),
    transfer: transferHandlers(core),
    settings: settingsHandlers(core),
    prompts: promptsHandlers(prompts),
    icons: iconsHandlers(),
    backups: backupsHandlers(core),
    profiles: profilesHandlers(core),
    sessions: sessionsHandlers(core),
    devices: devicesHandlers(core),
    approvals: approvalsHandlers(core),
    shell: shellHandlers(core),
    palette: paletteHandlers(core),
  };
}
