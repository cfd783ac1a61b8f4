// Runs in: main, CLI, tests.
//
// Line-based exports (otpauth:// lists, Ente Auth, Google migration links): one URI a line,
// blank lines and surrounding spaces ignored.

export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
