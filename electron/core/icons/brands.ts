// Runs in: main, tests.
//
// Which brand icon an account shows: the one the user picked, or the one whose name or domain
// matches the account's issuer (GitHub, "github.com", "GitHub Enterprise"), or its label's
// domain when there is no issuer ("me@github.com"). Case, spaces and punctuation are ignored.
// A stored icon value is a brand slug, a picture (data: URL), LETTER_ICON, or null (automatic).
//
// Note (brand file): the table is imported on first use. Run from source that is brand-data.ts;
// in main's bundle scripts/build.ts points this import at brand-icons.mjs, built beside it, so
// the 5 MB set is parsed only when the window asks. Change together with scripts/build.ts.
import type { BrandRecord } from './brand-data.ts';

/** The stored icon value that means "the letter avatar, never a brand" (not a simple-icons slug: those have no dot). */
export const LETTER_ICON = 'authdesk.letter';

/** What the window gets for a brand: enough to draw it, nothing more. */
export interface BrandIcon {
  readonly slug: string;
  readonly title: string;
  readonly hex: string;
  readonly path: string;
}

export interface IconQuery {
  readonly issuer: string;
  readonly label: string;
  readonly icon: string | null;
}

interface Table {
  readonly bySlug: ReadonlyMap<string, BrandRecord>;
  /** Normalised name → brand; a title wins over an alias. */
  readonly byName: ReadonlyMap<string, BrandRecord>;
  readonly all: readonly BrandRecord[];
}

let table: Promise<Table> | undefined;

/** Lower case letters and digits only: "Proton Mail", "proton-mail" and "ProtonMail" meet. */
export function normalise(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/&/g, 'and').replace(/\+/g, 'plus').replace(/[^a-z0-9]/g, '');
}

function load(): Promise<Table> {
  table ??= import('./brand-data.ts').then(({ BRANDS }) => {
    const byName = new Map<string, BrandRecord>();
    for (const brand of BRANDS) byName.set(normalise(brand.title), brand);
    for (const brand of BRANDS) {
      for (const name of [brand.slug, ...brand.names]) if (!byName.has(normalise(name))) byName.set(normalise(name), brand);
    }
    return { bySlug: new Map(BRANDS.map((b) => [b.slug, b])), byName, all: BRANDS };
  });
  return table;
}

const view = ({ slug, title, hex, path }: BrandRecord): BrandIcon => ({ slug, title, hex, path });

const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;
// Second-level labels under a country code that are not the brand: example.co.uk, example.com.au.
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu']);

/** The brand-like part of a domain: "accounts.google.com" → "google", "bbc.co.uk" → "bbc". */
function domainName(text: string): string | null {
  const host = text.trim().toLowerCase().replace(/^https?:\/\//, '').split(/[/:]/)[0] ?? '';
  if (!DOMAIN.test(host)) return null;
  const labels = host.split('.').slice(0, -1);
  if (labels.length > 1 && GENERIC_SECOND_LEVEL.has(labels.at(-1) ?? '')) labels.pop();
  return labels.at(-1) ?? null;
}

function candidates({ issuer, label }: IconQuery): string[] {
  const names: string[] = [];
  const trimmed = issuer.trim();
  if (trimmed !== '') {
    names.push(trimmed);
    const domain = domainName(trimmed);
    if (domain !== null) names.push(domain);
    // "GitHub Enterprise", "Google (work)": the first word is often the brand.
    const first = trimmed.split(/[\s(:,/-]+/)[0] ?? '';
    if (first.length >= 3) names.push(first);
  } else {
    // Only without an issuer: "me@gmail.com" on a Dropbox account is not a Gmail account.
    const domain = domainName(label.split('@').at(-1) ?? '');
    if (label.includes('@') && domain !== null) names.push(domain);
  }
  return names;
}

/** The brand an account shows, or null for the letter avatar (or its own picture). */
export async function brandFor(query: IconQuery): Promise<BrandIcon | null> {
  const { icon } = query;
  if (icon === LETTER_ICON || icon?.startsWith('data:')) return null;
  const { bySlug, byName } = await load();
  if (icon !== null) {
    const chosen = bySlug.get(icon);
    if (chosen !== undefined) return view(chosen);
  }
  for (const name of candidates(query)) {
    const found = byName.get(normalise(name));
    if (found !== undefined) return view(found);
  }
  return null;
}

/** Brands whose name starts with (then contains) what the user typed, for the icon picker. */
export async function searchBrands(text: string, limit: number): Promise<BrandIcon[]> {
  const wanted = normalise(text);
  if (wanted === '') return [];
  const { all } = await load();
  const starts: BrandRecord[] = [];
  const contains: BrandRecord[] = [];
  for (const brand of all) {
    const title = normalise(brand.title);
    if (title.startsWith(wanted)) starts.push(brand);
    else if (title.includes(wanted) || brand.names.some((n) => normalise(n).includes(wanted))) contains.push(brand);
  }
  const byLength = (a: BrandRecord, b: BrandRecord) => a.title.length - b.title.length;
  return [...starts.sort(byLength), ...contains.sort(byLength)].slice(0, limit).map(view);
}
