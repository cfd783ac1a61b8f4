// Runs in: renderer.
//
// Note (one search rule): the Codes search (lib/codes/filter.ts) and the quick-search palette
// (palette/rank.ts) read a query the same way: lower-cased words split at white space, each of
// which must appear in what is searched, so the palette finds what the window finds.

/** The query's words, lower-cased; none for a blank query. */
export function searchWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
}

/** Whether every word appears in text (already lower-cased). */
export function matchesEvery(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}
