// Runs in: tests. `authdesk init` and `authdesk passwd` as a person and a script use them.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { CliIo } from '../../../electron/cli/io.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { withUnlockedCore } from '../../../electron/cli/core-session.ts';
import { PasswordSource } from '../../../electron/cli/passwords.ts';
import type { Core } from '../../../electron/core/app/core.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';
import { authdesk } from '../cli/support.ts';

async function opensWith(path: string, password: string): Promise<boolean> {
  const vault = await Vault.open(path);
  try {
    await vault.unlockWithPassword(password);
    return true;
  } catch {
    return false;
  } finally {
    vault.lock();
  }
}

/** A terminal stand-in: raw mode is recorded, keystrokes are pushed by the test. */
function fakeTerminal(env: NodeJS.ProcessEnv = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  Object.assign(stdin, { setRawMode: (raw: boolean) => stdin.rawModes.push(raw) });
  const stderr = new PassThrough();
  let shown = '';
  stderr.setEncoding('utf8').on('data', (c: string) => (shown += c));
  const io: CliIo = { stdin, stdout: new PassThrough(), stderr, env };
  return { io, stdin, shown: () => shown };
}

describe('the vault from the CLI (init, passwd, concurrent add, password sources)', () => {
  it('init creates a 0600 vault from --password-stdin and refuses a second init', { timeout: 60_000 }, async () => {
    const path = await tempVaultPath(after);
    const created = await authdesk(['init', '--vault', path, '--password-stdin', '--json'], { stdin: `${PASSWORD}\n` });
    assert.equal(created.code, 0, created.stderr);
    const report = JSON.parse(created.stdout) as { path: string; kdf: { memoryKiB: number; iterations: number; parallelism: number } };
    assert.equal(report.path, path);
    assert.ok(report.kdf.memoryKiB >= 65536 && report.kdf.iterations >= 3 && report.kdf.parallelism >= 4, 'at least RFC 9106 option 2');
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.ok(await opensWith(path, PASSWORD));
    assert.ok(!created.stdout.includes(PASSWORD) && !created.stderr.includes(PASSWORD));

    const before = await readFile(path);
    const again = await authdesk(['init', '--vault', path], { env: { AUTHDESK_PASSWORD: 'another password' } });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.deepEqual(await readFile(path), before);
  });

  it('passwd changes the password from the environment; exit codes for wrong, missing and damaged', { timeout: 60_000 }, async () => {
    const path = await tempVaultPath(after);
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const wrong = await authdesk(['passwd', '--vault', path], { env: { AUTHDESK_PASSWORD: 'not it at all', AUTHDESK_NEW_PASSWORD: 'the next password' } });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Wrong vault password/);
    assert.ok(!wrong.stderr.includes('not it at all'));

    const changed = await authdesk(['passwd', '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD, AUTHDESK_NEW_PASSWORD: 'the next password' } });
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /password was changed/);
    assert.ok(await opensWith(path, 'the next password'));
    assert.ok(!(await opensWith(path, PASSWORD)));

    const noSource = await authdesk(['passwd', '--vault', path]);
    assert.equal(noSource.code, 1);
    assert.match(noSource.stderr, /--password-stdin/);

    const missing = await authdesk(['passwd', '--vault', `${path}.missing`], { env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(missing.code, 5);

    await writeFile(path, (await readFile(path)).subarray(0, 100));
    const damaged = await authdesk(['passwd', '--vault', path], { env: { AUTHDESK_PASSWORD: 'the next password' } });
    assert.equal(damaged.code, 3);
    assert.match(damaged.stderr, /damaged.*\.bak/);
  });

  it('two inits at once: exactly one creates the vault, the other is refused, nothing is mixed', { timeout: 60_000 }, async () => {
    const path = await tempVaultPath(after);
    const [a, b] = await Promise.all([
      authdesk(['init', '--vault', path, '--password-stdin'], { stdin: 'password of a\n' }),
      authdesk(['init', '--vault', path, '--password-stdin'], { stdin: 'password of b\n' }),
    ]);
    assert.deepEqual([a.code, b.code].sort(), [0, 1], `${a.stderr}${b.stderr}`);
    const winner = a.code === 0 ? 'password of a' : 'password of b';
    const loser = a.code === 0 ? b : a;
    assert.match(loser.stderr, /already exists/);
    assert.ok(await opensWith(path, winner));
  });

  it('two CLI processes adding accounts at the same time lose nothing', { timeout: 60_000 }, async () => {
    const path = await tempVaultPath(after);
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const env = { AUTHDESK_PASSWORD: PASSWORD };
    const addMany = async (who: string) => {
      const codes: (number | null)[] = [];
      for (let i = 0; i < 6; i++) {
        const run = await authdesk(['add', '--vault', path, '--secret', encodeBase32(randomBytes(10)), '--issuer', 'Concurrent', '--label', `${who}-${i}`], { env });
        codes.push(run.code);
      }
      return codes;
    };
    const results = await Promise.all([addMany('a'), addMany('b')]);
    assert.deepEqual(results, [Array(6).fill(0), Array(6).fill(0)]);
    const vault = await Vault.open(path);
    await vault.unlockWithPassword(PASSWORD);
    const labels = vault.data().accounts.map((a) => a.label).sort();
    vault.lock();
    assert.deepEqual(labels, ['a', 'b'].flatMap((who) => Array.from({ length: 6 }, (_, i) => `${who}-${i}`)).sort());
  });

  it('asks a terminal for the password with echo off, and a new one twice', async () => {
    const { io, stdin, shown } = fakeTerminal();
    const source = new PasswordSource(io, false);
    const current = source.current();
    stdin.write('pa');
    stdin.write('x\u007f');
    stdin.write('ss word\r');
    assert.equal(await current, 'pass word');
    assert.equal(shown(), 'Vault password: \n', 'nothing typed is echoed');
    assert.deepEqual(stdin.rawModes, [true, false]);

    const mismatch = source.newPassword('AUTHDESK_NEW_PASSWORD');
    stdin.write('first try\r');
    setImmediate(() => stdin.write('second try\r'));
    await assert.rejects(mismatch, { code: 'INVALID_INPUT', message: /differ/ });

    const cancelled = source.current();
    stdin.write('abc\u0003');
    await assert.rejects(cancelled, { code: 'INVALID_INPUT', message: /Cancelled/ });
  });

  it('prefers --password-stdin lines, then the environment, and locks the vault after use', async () => {
    const path = await tempVaultPath(after);
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const io: CliIo = { stdin: Readable.from([`${PASSWORD}\r\nsecond line\n`]), stdout: new PassThrough(), stderr: new PassThrough(), env: { AUTHDESK_PASSWORD: 'from the environment' } };
    const source = new PasswordSource(io, true);
    const context = { io, global: { vaultPath: path, json: false, passwordStdin: true }, positionals: [], values: {} };
    let inside: Core | null = null;
    const count = await withUnlockedCore(context, async (core) => {
      inside = core;
      return core.accounts.list().length;
    }, source);
    assert.equal(count, 0);
    assert.equal((await (inside as Core | null)?.vault.status())?.state, 'locked');
    assert.equal(await source.newPassword('AUTHDESK_NEW_PASSWORD'), 'second line');
    await assert.rejects(source.current(), { code: 'INVALID_INPUT' });
    assert.equal(await new PasswordSource(io, false).current(), 'from the environment');
  });
});
