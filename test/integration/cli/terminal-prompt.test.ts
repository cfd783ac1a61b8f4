// Runs in: tests. Questions asked mid-operation on the CLI's terminal (the Prompt port).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CliIo } from '../../../electron/cli/io.ts';
import { terminalPrompt } from '../../../electron/cli/terminal-prompt.ts';

function terminal(isTTY: boolean) {
  const stdin = Object.assign(new PassThrough(), { isTTY });
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  let shown = '';
  stderr.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const io: CliIo = { stdin, stdout, stderr, env: {} };
  return { io, stdin, shown: () => shown, printed: () => printed };
}

const context = { subject: 'TrueNAS nas.lan', message: 'No vault account answers this login’s code.' };

test('a code is asked on stderr, so --json output on stdout stays clean', async () => {
  const { io, stdin, shown, printed } = terminal(true);
  const answer = terminalPrompt(io).askCode(context, new AbortController().signal);
  stdin.write(' 123456 \n');
  assert.equal(await answer, '123456');
  assert.match(shown(), /TrueNAS nas\.lan: No vault account answers/);
  assert.equal(printed(), '');
});

test('an empty answer declines; yes confirms, anything else does not', async () => {
  const { io, stdin } = terminal(true);
  const prompt = terminalPrompt(io);
  const empty = prompt.askCode(context, new AbortController().signal);
  stdin.write('\n');
  assert.equal(await empty, null);
  for (const [typed, expected] of [['y', true], ['YES', true], ['n', false], ['', false], ['yess', false]] as const) {
    const decision = prompt.confirm({ ...context, detail: 'SHA-256 AB:CD' }, new AbortController().signal);
    stdin.write(`${typed}\n`);
    assert.equal(await decision, expected, typed);
  }
});

test('without a terminal nobody can answer: declined at once, nothing read', async () => {
  const { io, shown } = terminal(false);
  assert.equal(await terminalPrompt(io).askCode(context, new AbortController().signal), null);
  assert.equal(await terminalPrompt(io).confirm(context, new AbortController().signal), false);
  assert.equal(shown(), '');
});

test('a cancelled operation withdraws its question', async () => {
  const { io } = terminal(true);
  const controller = new AbortController();
  const answer = terminalPrompt(io).askCode(context, controller.signal);
  controller.abort();
  assert.equal(await answer, null);
});
