// Runs in: main, preload, renderer (types only), CLI, tests.
//
// Every IPC channel, declared once, one file per namespace: each area of the app owns its
// namespace. Add a channel in its namespace file, give it a handler in ../handlers/, and the
// preload exposes it and the renderer's types follow. Inputs are validated by these schemas
// before a handler sees them; outputs never carry a seed, password or token.
import { accounts } from './accounts.ts';
import { app } from './app.ts';
import { approvals } from './approvals.ts';
import { backups } from './backups.ts';
import { codes } from './codes.ts';
import { devices } from './devices.ts';
import { icons } from './icons.ts';
import { palette } from './palette.ts';
import { profiles } from './profiles.ts';
import { prompts } from './prompts.ts';
import { sessions } from './sessions.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';
import { transfer } from './transfer.ts';
import { vault } from './vault.ts';

export const contract = { app, vault, accounts, codes, transfer, settings, prompts, icons, backups, profiles, sessions, devices, approvals, shell, palette } as const;

export type Contract = typeof contract;
