// Runs in: main, tests. The `icons` namespace's handlers.
import { brandFor, searchBrands } from '../../icons/brands.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

const SEARCH_RESULTS = 24;

export function iconsHandlers(): Handlers<Contract>['icons'] {
  return {
    match: ({ items }) => Promise.all(items.map((item) => brandFor(item))),
    search: ({ text }) => searchBrands(text, SEARCH_RESULTS),
  };
}
