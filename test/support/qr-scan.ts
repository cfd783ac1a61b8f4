// Runs in: tests. Reads a QR code PNG back as a phone would, with a QR reader Authdesk does
// not use to make them (jsQR), so a test proves the image scans, not that our code agrees with itself.
import { createRequire } from 'node:module';
import jsQRModule from 'jsqr';

// pngjs is what qrcode writes PNGs with; read them back with the same library (no type declarations).
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Buffer } } } };

// jsqr's CommonJS bundle also carries its function as `.default`, which its types describe.
const jsQR = jsQRModule.default;

/** The text of the QR code in a PNG, or null when none can be read. */
export function scanQrPng(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
