// Runs in: tests. Runs the real `authdesk` CLI in a child process against a throwaway vault
// (not a test file itself).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

export { PASSWORD };

export const AUTHDESK = fileURLToPath(new URL('../../../electron/cli/authdesk.ts', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** What the CLI reads on stdin; a promise holds it back, e.g. to start several runs at once. */
  readonly stdin?: string | Uint8Array | Promise<string | Uint8Array>;
  readonly env?: Record<string, string>;
  /** Another user to run as (a test running as root that needs permissions to apply). */
  readonly user?: { readonly uid: number; readonly gid: number };
}

/** Runs `authdesk ...args` with only the AUTHDESK_ variables given here. */
export async function authdesk(args: readonly string[], { stdin = '', env = {}, user }: RunOptions = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AUTHDESK_')));
  const child = spawn(process.execPath, [AUTHDESK, ...args], { env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'], ...user });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = once(child, 'exit');
  child.stdin.end(await stdin);
  const [code] = (await exited) as [number | null];
  return { code, stdout, stderr };
}

/**
 * A new empty vault with Argon2id at its cheapest (each CLI unlock then takes about a
 * millisecond), and a runner bound to it with the password in AUTHDESK_PASSWORD.
 */
export async function freshVault(cleanup: typeof after): Promise<{ path: string; run: (args: readonly string[], env?: Record<string, string>) => Promise<Run> }> {
  const path = await tempVaultPath(cleanup);
  (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
  return { path, run: (args, env = {}) => authdesk([...args, '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD, ...env } }) };
}

export interface ListedAccount {
  readonly id: string;
  readonly type: string;
  readonly issuer: string;
  readonly label: string;
  readonly algorithm: string;
  readonly digits: number;
  readonly period: number;
  readonly counter?: number;
}

export function parseList(run: Run): ListedAccount[] {
  if (run.code !== 0) throw new Error(`list failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ListedAccount[];
}
