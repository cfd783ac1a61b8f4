// Runs in: main, CLI, tests.
//
// Note (linear trimming): a regex such as /=+$/ retries from every position of a long run
// that is not at the end, so a pasted secret of many "=" then one letter takes quadratic time.
// This scans once from the end instead; use it for every trailing-character strip of input.

/** `text` without the run of `char` (one UTF-16 unit) at its end. */
export function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}
