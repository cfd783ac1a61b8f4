// Runs in: CLI, tests.
//
// `authdesk --help` and `authdesk help <command>`, wrapped to fit an 80-column terminal.
import pkg from '../../package.json' with { type: 'json' };
import type { Command } from './command.ts';

const WIDTH = 80;

// A word wider than a line (a long list of choices) breaks after one of its "|".
function pieces(word: string, room: number): string[] {
  if (word.length <= room || !word.includes('|')) return [word];
  const out: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const cut = rest.lastIndexOf('|', room - 1);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  return [...out, rest];
}

/** `text` wrapped at spaces: the first line starts with `first`, the others with `indent` spaces. */
export function wrap(text: string, first: string, indent: number): string[] {
  const tokens = text.split(/\s+/).filter((w) => w !== '').flatMap((word) => pieces(word, WIDTH - indent).map((piece, i) => ({ piece, glue: i === 0 ? ' ' : '' })));
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const { piece, glue } of tokens) {
    const joint = fresh ? '' : glue;
    if (!fresh && line.length + joint.length + piece.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + piece;
    } else line += joint + piece;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/** "  NAME  text" with the text wrapped and indented under itself. */
function entry(name: string, text: string, column: number): string[] {
  return wrap(text, `  ${name.padEnd(column - 2)}`, column);
}

export function helpText(list: readonly Command[], defaultVaultPath: string): string {
  const column = Math.max(...list.map((c) => c.name.length)) + 4;
  return [
    `authdesk ${pkg.version}: your Authdesk vault and service logins from the terminal`,
    '',
    'Usage: authdesk <command> [options]',
    '',
    'Commands:',
    ...list.flatMap((c) => entry(c.name, c.summary, column)),
    '',
    'Run "authdesk help <command>" for its options.',
    '',
    'Options for every command:',
    ...entry('--vault FILE', `the vault to open (default: $AUTHDESK_VAULT, else ${defaultVaultPath})`, 20),
    ...entry('--password-stdin', 'read the vault password from standard input (or set $AUTHDESK_PASSWORD); then, for "profile add", the service\'s password (or set $AUTHDESK_PROFILE_PASSWORD)', 20),
    ...entry('--json', 'print JSON instead of text', 20),
    ...entry('-h, --help', 'help for a command', 20),
    ...entry('--version', 'print the version', 20),
    '',
    ...wrap(SECRETS, 'Secrets: ', 0),
    '',
    ...wrap('0 done, 1 usage, 2 wrong password, 3 damaged or unreadable vault, 4 provider or network error, 5 not found, 6 a file other than the vault could not be read, written or recognised.', 'Exit codes: ', 12),
  ].join('\n');
}

/** Why and how to keep secrets off the command line; the commands that take secrets repeat it. */
export const SECRETS =
  'arguments are visible to other users of this computer (ps), so give a link, a secret or a password as - (typed unseen on a terminal, or the next line of standard input) or in its environment variable, not as an argument. With --password-stdin, standard input holds one line each, in the order asked: a secret given as -, the vault password, then a file, export or service password.';

export function commandHelp(command: Command): string {
  const paragraphs = [command.summary, ...(command.details?.split('\n\n') ?? [])];
  return [...wrap(command.usage, 'Usage: authdesk ', 6), ...paragraphs.flatMap((text) => ['', ...wrap(text, '', 0)])].join('\n');
}
