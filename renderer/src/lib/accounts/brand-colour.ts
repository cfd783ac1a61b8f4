// Runs in: renderer.
//
// A brand's own colour, unless it would vanish into the page: black marks on the dark theme,
// white or pale ones on the light theme. Then the icon takes the text colour instead.
//
// Note (icon contrast): the backgrounds are app.css's --surface-sunken pair, the tile
// AccountIcon.svelte draws a brand on; change the three together.
const LIGHT_SURFACE = [0xf1, 0xf3, 0xf6] as const;
const DARK_SURFACE = [0x13, 0x16, 0x1c] as const;
// WCAG's minimum for graphics that carry meaning.
const MIN_CONTRAST = 3;

function luminance([r, g, b]: readonly number[]): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = (c ?? 0) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (lr ?? 0) + 0.7152 * (lg ?? 0) + 0.0722 * (lb ?? 0);
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The fill for each theme: the brand's colour, or null for "use the text colour". */
export function brandFills(hex: string): { light: string | null; dark: string | null } {
  const rgb = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const colour = `#${hex}`;
  return {
    light: contrast(rgb, LIGHT_SURFACE) >= MIN_CONTRAST ? colour : null,
    dark: contrast(rgb, DARK_SURFACE) >= MIN_CONTRAST ? colour : null,
  };
}
