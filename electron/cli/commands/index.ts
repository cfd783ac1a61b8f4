// Runs in: CLI. The commands `authdesk` knows, in the order `authdesk --help` lists them.
import type { Command } from '../command.ts';

export const commands: readonly Command[] = [];
