// Runs in: main, CLI, tests.
//
// RFC 4180 CSV as Bitwarden writes it: comma separated, fields quoted when they hold commas,
// quotes or line breaks, quotes doubled inside quotes.

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Rows of fields; null when a quoted field never ends (a truncated file). */
export function parseCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  // Note (slices, not characters): a field is its finished pieces plus the run from runStart,
  // cut out with slice(); appending one character at a time made a 32 MiB file take 1.5 GiB.
  let field = '';
  let runStart = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      field += text.slice(runStart, i);
      if (text.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
      runStart = i + 1;
    } else if (c === QUOTE && field === '' && runStart === i) {
      quoted = true;
      runStart = i + 1;
    } else if (c === COMMA || c === LF || c === CR) {
      row.push(field + text.slice(runStart, i));
      field = '';
      if (c !== COMMA) {
        rows.push(row);
        row = [];
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      }
      runStart = i + 1;
    }
  }
  if (quoted) return null;
  const last = field + text.slice(runStart);
  if (last !== '' || row.length > 0) {
    row.push(last);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
