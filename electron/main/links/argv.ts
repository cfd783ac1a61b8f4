// Runs in: main, tests. Never imports 'electron'.
//
// The account links among a launch's arguments. Windows and Linux start Authdesk with the link
// as an argument (the first launch's own, or a second launch's, handed over to the first);
// Chromium adds switches of its own, and anyone can start the app with anything, so only
// whole otpauth:// and otpauth-migration:// links count, and only so many.
export const LINK_SCHEMES = ['otpauth', 'otpauth-migration'] as const;

// Note (link size): as long as a pasted link may be (the 64 KiB of contract/transfer.ts's
// stageLink), so a link opened from outside is bounded like one typed in. Change together.
export const MAX_LINK_CHARS = 64 * 1024;
// A launch has a few arguments; a crafted one with thousands is not read further.
const MAX_ARGUMENTS = 64;
// A Google export fits 10 accounts a link: a handful of links is plenty for one preview.
export const MAX_LINKS = 8;

// No whitespace inside: a link is one argument, and a line break would smuggle in another.
const LINK = /^otpauth(?:-migration)?:\/\/\S+$/i;

/** The account links in argv, in order, at most MAX_LINKS; everything else is ignored. */
export function linksIn(argv: readonly string[]): string[] {
  return argv
    .slice(0, MAX_ARGUMENTS)
    .filter((arg) => typeof arg === 'string' && arg.length <= MAX_LINK_CHARS && LINK.test(arg))
    .slice(0, MAX_LINKS);
}
