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

// Note (closed pipe): in `authdesk list | head -1` the reader leaves after one line and the next
// write fails with EPIPE. The reader has what it wanted, so the CLI ends quietly with 0 as
// other command-line tools do, rather than print a stack trace. Output comes after the vault
// is locked and saved, so ending here loses nothing.
function endQuietlyWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export function processIo(): CliIo {
  endQuietlyWhenReaderLeaves(process.stdout);
  endQuietlyWhenReaderLeaves(process.stderr);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
