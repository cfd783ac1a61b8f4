// Runs in: main, CLI, tests.
//
// RFC 4180 CSV as Bitwarden writes it: comma separated, fields quoted when they hold commas,
// quotes or line breaks, quotes doubled inside quotes.

// Note (runs, not characters): ordinary characters are taken as one slice up to the next
// character that matters; appended one at a time, a field of megabytes took seconds.
const QUOTE = /"/g;
const SPECIAL = /[",\r\n]/g;

/** Where the next match of pattern at or after from is, or the end of text. */
function nextOf(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}

/** Rows of fields; null when a quoted field never ends (a truncated file). */
export function parseCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        const stop = nextOf(QUOTE, text, i);
        field += text.slice(i, stop);
        i = stop - 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      const stop = nextOf(SPECIAL, text, i + 1);
      field += text.slice(i, stop);
      i = stop - 1;
    }
  }
  if (quoted) return null;
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
