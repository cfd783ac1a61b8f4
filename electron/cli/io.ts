// Runs in: CLI, tests.
//
// The CLI's view of its terminal, injectable so tests run commands in-process.
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
