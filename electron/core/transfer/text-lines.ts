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

/** nonEmptyLines(text)[0] (or ''), without splitting a whole file to look at its start. */
export function firstNonEmptyLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    start = end + 1;
  }
  return '';
}
