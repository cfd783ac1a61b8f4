// Runs in: main, CLI, tests.
//
// The text a person sees next to a code (issuer, account name, group, note) comes from QR
// codes, other apps' backups and old vaults. Characters that are invisible or that reorder
// what is shown around them can make one account look like another, or garble a terminal, so
// every way into the vault removes them here, and the CLI escapes them in what it prints. The
// limits on names, notes and icons live here too, for the same ways in.

// Note (invisible characters): C0/C1 controls and DEL (\p{Cc}), lone surrogates (\p{Cs}), bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+061C, U+200E,
// U+200F), zero-width space and word joiners (U+200B, U+2060–U+2064), deprecated format
// characters (U+206A–U+206F), line and paragraph separators, the BOM and interlinear
// annotations. Zero-width (non-)joiners stay: emoji and several scripts need them.
const INVISIBLE = /[\p{Cc}\p{Cs}\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/gu;
// What a terminal must not get raw: the above and every other format character.
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Cf}]/gu;
const JOINERS = new Set(['\u200C', '\u200D']);
const LINE_BREAKS = /\r\n?|[\t\n\v\f\u2028\u2029]/g;

// Note (vault limits): the longest issuer, account or group name, note and icon an account may
// have; accounts.ts refuses more, the importers skip such an entry with a reason (an icon is
// only dropped).
export const MAX_NAME = 256;
export const MAX_NOTE = 10_000;
export const MAX_ICON = 256 * 1024;
const ICON_SLUG = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const ICON_DATA_URL = /^data:image\/(?:png|jpeg|webp|gif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** An icon name or a small Base64 image the window can show. */
export function isIcon(value: string): boolean {
  return value.length <= MAX_ICON && (ICON_SLUG.test(value) || ICON_DATA_URL.test(value));
}

/** A name without invisible characters; tabs and line breaks become spaces; trimmed. */
export function cleanName(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').trim();
}

/** A note keeps its lines and tabs (as \n and \t) and loses every other invisible character. */
export function cleanNote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, (c) => (c === '\n' || c === '\t' ? c : c === '\u2028' || c === '\u2029' ? '\n' : ''));
}

const braced = (c: string): string => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;

/** For a terminal: each unprintable character escaped (as \u{XXXX} by default), so it shows instead of acting. */
export function escapeUnprintable(text: string, escape: (c: string) => string = braced): string {
  return text.replace(UNPRINTABLE, (c) => (JOINERS.has(c) ? c : escape(c)));
}
