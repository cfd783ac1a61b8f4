// Runs in: CLI. The commands `authdesk` knows, in the order `authdesk --help` lists them.
import type { Command } from '../command.ts';
import { sandboxCommand } from './sandbox.ts';

export const commands: readonly Command[] = [
  sandboxCommand,
];
