// Runs in: renderer.
//
// A code in groups a person can read aloud and type: 123 456, 123 4567, 1234 5678. Steam's
// five characters stay as they are.
export function groupCode(code: string): string {
  if (code.length <= 5) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

// One formatter for every row: toLocaleTimeString builds a new one per call, and a search
// keystroke redraws every row in view.
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The clock time a code changes at, for screen readers (the bar shows it to everyone else). */
export function changesAt(validUntil: number): string {
  return TIME.format(validUntil);
}
