// Runs in: main, tests. Loaded on demand by brands.ts, never imported statically.
//
// The simple-icons set (CC0) as the matcher needs it: each brand's slug, title, colour, SVG
// path and the other names it goes by. Bundled on its own (dist/main/brand-icons.mjs), so
// main starts without parsing its 5 MB, and the window only ever receives the few paths it shows.
import * as simpleIcons from 'simple-icons';
import type { SimpleIcon } from 'simple-icons';
import data from 'simple-icons/icons.json' with { type: 'json' };

export interface BrandRecord {
  readonly slug: string;
  readonly title: string;
  /** Six hex digits, no '#'. */
  readonly hex: string;
  /** An SVG path in a 24 × 24 box. */
  readonly path: string;
  /** Other names: aliases, localised titles, the titles of same-logo brands. */
  readonly names: readonly string[];
}

interface DataEntry {
  readonly slug: string;
  readonly aliases?: {
    readonly aka?: readonly string[];
    readonly dup?: readonly { readonly title: string }[];
    readonly loc?: Readonly<Record<string, string>>;
  };
}

const aliases = new Map((data as readonly DataEntry[]).map((entry) => [
  entry.slug,
  [...(entry.aliases?.aka ?? []), ...(entry.aliases?.dup ?? []).map((d) => d.title), ...Object.values(entry.aliases?.loc ?? {})],
]));

const isIcon = (value: unknown): value is SimpleIcon => typeof value === 'object' && value !== null && 'slug' in value && 'path' in value;

export const BRANDS: readonly BrandRecord[] = Object.values(simpleIcons).filter(isIcon).map((icon) => ({
  slug: icon.slug,
  title: icon.title,
  hex: icon.hex,
  path: icon.path,
  names: aliases.get(icon.slug) ?? [],
}));
