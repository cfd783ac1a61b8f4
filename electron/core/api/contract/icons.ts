// Runs in: main, preload, renderer (types only), CLI, tests. The `icons` namespace: brand
// icons matched in main, so the window gets one path and colour per brand it shows, never the set.
import * as v from 'valibot';
import { call } from '../spec.ts';
import type { BrandIcon } from '../types.ts';

const name = v.pipe(v.string(), v.maxLength(1024));

export const icons = {
  /** The brand each account shows (null: letter avatar or its own picture), in order. */
  match: call<(BrandIcon | null)[]>()(
    v.strictObject({
      // A screenful of rows at a time; the list asks again as it scrolls.
      items: v.pipe(v.array(v.strictObject({ issuer: name, label: name, icon: v.nullable(v.pipe(v.string(), v.maxLength(300))) })), v.maxLength(200)),
    }),
    'background',
  ),
  /** Brands whose name matches what the user typed in the icon picker. */
  search: call<BrandIcon[]>()(v.strictObject({ text: v.pipe(v.string(), v.maxLength(100)) }), 'background'),
} as const;
