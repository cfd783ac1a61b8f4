// Runs in: tests. Where the palette opens (electron/main/palette/placement.ts): centred on the
// work area it is given, and never larger than it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PALETTE_SIZE, paletteBounds } from '../../../electron/main/palette/placement.ts';

test('centred on the work area, panels and docks left out, on any display of the desktop', () => {
  assert.deepEqual(paletteBounds({ x: 0, y: 32, width: 1920, height: 1048 }), { x: 660, y: 32 + 324, ...PALETTE_SIZE });
  assert.deepEqual(paletteBounds({ x: -1280, y: -200, width: 1280, height: 1024 }), { x: -1280 + 340, y: -200 + 312, ...PALETTE_SIZE }, 'a display left of and above the primary');
});

test('a work area smaller than the palette is filled, not overflowed', () => {
  assert.deepEqual(paletteBounds({ x: 10, y: 20, width: 480, height: 300 }), { x: 10, y: 20, width: 480, height: 300 });
});
