// Runs in: tests. `authdesk --help` and `authdesk help <command>` as a person reads them.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { commands } from '../../../electron/cli/commands/index.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { runCli } from '../../../electron/cli/program.ts';
import { defaultUserDataDir, defaultVaultPath } from '../../../electron/core/platform/paths.ts';

const ENV = { XDG_CONFIG_HOME: '/home/someone/.config', APPDATA: 'C:\\Users\\someone\\AppData\\Roaming' };

async function help(args: readonly string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
  const io: CliIo = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: ENV };
  assert.equal(await runCli(args, io), 0);
  return text;
}

const pages = async () => [['--help', await help(['--help'])], ...(await Promise.all(commands.map(async (c) => [c.name, await help(['help', c.name])])))] as const;

describe('the help', () => {
  it('fits an 80-column terminal, for every command', async () => {
    for (const [page, text] of await pages()) {
      for (const line of text.split('\n')) assert.ok([...line].length <= 80, `${page}: ${line.length} columns: ${line}`);
    }
  });

  it('names the default vault path and every exit code', async () => {
    const text = await help(['--help']);
    assert.ok(text.includes(defaultVaultPath(defaultUserDataDir(process.platform, ENV))), text);
    for (let code = 0; code <= 6; code++) assert.match(text.replace(/\s+/g, ' '), new RegExp(`[:,] ${code} [a-z]`), `exit code ${code}`);
  });

  it('says that arguments are visible to other users, and how to keep secrets off them', async () => {
    assert.match((await help(['--help'])).replace(/\s+/g, ' '), /arguments are visible to other users .* as - /);
    for (const name of ['add', 'import', 'export']) {
      const text = (await help(['help', name])).replace(/\s+/g, ' ');
      assert.match(text, /visible to other users/, name);
      assert.match(text, /\|-[\] ]|<[^>]*\|->/, `${name}: its usage shows -`);
    }
  });
});
