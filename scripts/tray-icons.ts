// Runs in: development (Node 24). Draws the tray icons in electron/main/tray/icons/, which are
// committed; run it again only to change their look (`node scripts/tray-icons.ts`).
//
// One mark, a shield with a keyhole, in the form each platform's tray expects (Note icon forms,
// electron/main/tray/tray-icon.ts): Linux a colour icon for AppIndicator, 24 px and 48 px
// (@2x); macOS a black-and-alpha template image, 16 px and 32 px (@2x), which the menu bar
// tints for light and dark; Windows a colour icon, 16 px and 32 px (@2x). Each size is drawn
// from the shape itself, 8×8 samples a pixel, not scaled from another size, so both stay crisp.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from '../test/support/png.ts';

const OUT = join(import.meta.dirname, '..', 'electron', 'main', 'tray', 'icons');
const SAMPLES = 8;
// The window's accent (renderer/src/app.css, --accent in the light theme).
const ACCENT = [0x3d, 0x4f, 0xd6] as const;

/** The shield, in a unit square (y down): straight sides, then an elliptical point. */
function inShield(x: number, y: number): boolean {
  // Edges on whole pixels at 16 and 32 px (2/16 in from each side, 1/16 from the top).
  const half = 0.375;
  if (y < 0.0625 || y > 0.96) return false;
  if (y <= 0.5) {
    // Rounded top corners: radius 0.1.
    const dx = Math.abs(x - 0.5) - (half - 0.1);
    const dy = 0.16 - y;
    if (dx > 0 && dy > 0) return dx * dx + dy * dy <= 0.01;
    return Math.abs(x - 0.5) <= half;
  }
  // Narrower than an ellipse towards the bottom, so it ends in a point.
  const t = (y - 0.5) / 0.46;
  return Math.abs(x - 0.5) <= half * Math.sqrt(1 - t * t) * (1 - 0.4 * t * t);
}

/** The keyhole: a round head and a flared stem. */
function inKeyhole(x: number, y: number): boolean {
  // The stem is two pixels wide at 16 px, on whole pixels.
  const head = (x - 0.5) ** 2 + (y - 0.375) ** 2 <= 0.14 ** 2;
  const t = (y - 0.375) / 0.33;
  const stem = t >= 0 && t <= 1 && Math.abs(x - 0.5) <= 0.0625 + 0.03 * t;
  return head || stem;
}

/** Coverage of one pixel by the shield and by the keyhole inside it, 0..1 each. */
function coverage(px: number, py: number, size: number): { shield: number; hole: number } {
  let shield = 0;
  let hole = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (!inShield(x, y)) continue;
      shield++;
      if (inKeyhole(x, y)) hole++;
    }
  }
  const all = SAMPLES * SAMPLES;
  return { shield: shield / all, hole: hole / all };
}

/** Colour: the accent shield with a white keyhole. Template: black shield, keyhole cut out. */
function draw(size: number, form: 'colour' | 'template'): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const { shield, hole } = coverage(px, py, size);
      const at = (py * size + px) * 4;
      if (form === 'template') {
        png.data.fill(0, at, at + 3);
        png.data[at + 3] = Math.round((shield - hole) * 255);
        continue;
      }
      // Premultiplied mix of accent and white over the shield's coverage.
      const white = shield === 0 ? 0 : hole / shield;
      for (let c = 0; c < 3; c++) png.data[at + c] = Math.round(ACCENT[c]! * (1 - white) + 255 * white);
      png.data[at + 3] = Math.round(shield * 255);
    }
  }
  return PNG.sync.write(png);
}

const icons: readonly { readonly name: string; readonly size: number; readonly form: 'colour' | 'template' }[] = [
  { name: 'tray-linux.png', size: 24, form: 'colour' },
  { name: 'tray-linux@2x.png', size: 48, form: 'colour' },
  { name: 'trayTemplate.png', size: 16, form: 'template' },
  { name: 'trayTemplate@2x.png', size: 32, form: 'template' },
  { name: 'tray-windows.png', size: 16, form: 'colour' },
  { name: 'tray-windows@2x.png', size: 32, form: 'colour' },
];

for (const { name, size, form } of icons) await writeFile(join(OUT, name), draw(size, form));
