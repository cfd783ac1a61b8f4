// Runs in: CLI. The commands `authdesk` knows, in the order `authdesk --help` lists them.
import type { Command } from '../command.ts';
import { initCommand } from './init.ts';
import { passwdCommand } from './passwd.ts';
import { addCommand } from './add.ts';
import { listCommand } from './list.ts';
import { codeCommand } from './code.ts';
import { removeCommand } from './remove.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';
import { restoreCommand } from './restore.ts';
import { profileCommand } from './sessions/profile.ts';
import { loginCommand } from './sessions/login.ts';
import { logoutCommand } from './sessions/logout.ts';
import { statusCommand } from './sessions/status.ts';
import { identitiesCommand, switchCommand } from './sessions/identities.ts';
import { stepupCommand } from './sessions/stepup.ts';
import { devicesCommand } from './approvals/devices.ts';
import { approvalsCommand } from './approvals/approvals.ts';
import { approveCommand, denyCommand } from './approvals/decide.ts';

export const commands: readonly Command[] = [
  initCommand,
  passwdCommand,
  addCommand,
  listCommand,
  codeCommand,
  removeCommand,
  importCommand,
  exportCommand,
  restoreCommand,
  profileCommand,
  loginCommand,
  logoutCommand,
  statusCommand,
  identitiesCommand,
  switchCommand,
  stepupCommand,
  devicesCommand,
  approvalsCommand,
  approveCommand,
  denyCommand,
];
