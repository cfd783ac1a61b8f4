// Runs in: tests (Node). pngjs (what qrcode writes PNGs with) has no type declarations: the
// part the tests use, typed once.
import { createRequire } from 'node:module';

export interface PngImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  readonly data: Buffer;
}

interface PngModule {
  PNG: {
    new (options: { width: number; height: number }): PngImage;
    sync: { write(png: PngImage): Buffer; read(bytes: Buffer): PngImage };
  };
}

export const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;

/** A width × height white PNG on which `dark(x, y)` pixels are black. */
export function drawPng(width: number, height: number, dark: (x: number, y: number) => boolean): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      png.data.fill(dark(x, y) ? 0 : 255, at, at + 3);
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
