// Runs in: tests. How runCli turns failures into messages and exit codes, with commands that
// fail the way the file system does (a read-only folder or a full disk cannot be made here
// when the tests run as root).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import type { Command } from '../../../electron/cli/command.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { runCli } from '../../../electron/cli/program.ts';

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: some system text, ${syscall}`), { code, syscall, ...(path === undefined ? {} : { path }) });
}

function failing(error: unknown): Command {
  return { name: 'fail', summary: 'fails', usage: 'fail', run: () => Promise.reject(error) };
}

async function run(error: unknown, args: readonly string[] = []): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.setEncoding('utf8').on('data', (c: string) => (text += c));
  const io: CliIo = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {} };
  const code = await runCli(['fail', '--vault', '/home/someone/vault.authdesk', ...args], io, [failing(error)]);
  return { code, stderr: text };
}

/** Every errno name is in brackets after words, never alone. */
function assertErrnoExplained(stderr: string, code: string): void {
  assert.match(stderr, new RegExp(`[a-z]+ \\(${code}\\)`), stderr);
  assert.equal(stderr.match(/E[A-Z]{2,}/g)?.length, 1, stderr);
}

describe('runCli: failures of the file system', () => {
  for (const [code, words] of [['EACCES', /permission denied/], ['EPERM', /does not allow/], ['EROFS', /read-only/], ['ENOSPC', /disk is full/], ['EIO', /disk reported an error/], ['EMFILE', /too many files/], ['ESOMETHINGNEW', /system refused/]] as const) {
    it(`${code} on the vault: exit 3, said in words with what to do next`, async () => {
      const { code: exit, stderr } = await run(errno(code, 'open', '/home/someone/vault.authdesk.tmp-new-1-abc'));
      assert.equal(exit, 3);
      assert.match(stderr, words);
      assert.match(stderr, /vault at \/home\/someone\/vault\.authdesk/);
      assert.match(stderr, /not changed/);
      assertErrnoExplained(stderr, code);
    });
  }

  for (const code of ['EISDIR', 'ENOTDIR']) {
    it(`${code} (a folder where the vault file should be): exit 1, naming the default vault path`, async () => {
      const { code: exit, stderr } = await run(errno(code, 'read'));
      assert.equal(exit, 1);
      assert.match(stderr, /--vault FILE \(the default is .*vault\.authdesk\)/);
      assertErrnoExplained(stderr, code);
    });
  }

  it('a file that is not the vault (the settings) is named as itself', async () => {
    const { code, stderr } = await run(errno('EACCES', 'open', '/home/someone/.config/Authdesk/config.json'));
    assert.equal(code, 3);
    assert.match(stderr, /Could not use \/home\/someone\/\.config\/Authdesk\/config\.json: permission denied \(EACCES\)/);
  });

  it('keeps the JSON shape, with the code', async () => {
    const { code, stderr } = await run(errno('EACCES', 'open'), ['--json']);
    assert.equal(code, 3);
    assert.equal((JSON.parse(stderr) as { error: { code: string } }).error.code, 'VAULT_UNAVAILABLE');
  });
});
