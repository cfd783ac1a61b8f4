// Runs in: tests (Node). QR decoding: what a user's pictures hold comes out, and a picture
// that would cost too much is refused before decoding.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { decodeQrCodes } from '../../../electron/core/qr/decode.ts';
import { checkImage, MAX_IMAGE_BYTES } from '../../../electron/core/qr/image-size.ts';
import { DARK_MODE, SCREEN_PHOTO, SCREENSHOT_THREE } from '../../fixtures/qr/links.ts';
import { drawPng } from '../../support/png.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/qr/${name}`, import.meta.url));

function rejectsWith(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);
    assert.match((error as Error).message, pattern);
    return true;
  };
}

test('every code of a screenshot holding three of different sizes and contrasts is found', async () => {
  assert.deepEqual((await decodeQrCodes(await fixture('screenshot-three.png'))).sort(), [...SCREENSHOT_THREE].sort());
});

test('a dark-mode screenshot: an inverted code (light on dark) and a dim one are both found', async () => {
  assert.deepEqual((await decodeQrCodes(await fixture('dark-mode.png'))).sort(), [...DARK_MODE].sort());
});

test('a JPEG photo of a screen: rotated, skewed, dim and noisy codes are found', async () => {
  assert.deepEqual((await decodeQrCodes(await fixture('screen-photo.jpg'))).sort(), [...SCREEN_PHOTO].sort());
});

test('a code rotated a quarter turn is found', async () => {
  const { modules } = QRCode.create(SCREENSHOT_THREE[0], {});
  const n = modules.size;
  const scale = 4;
  const side = (n + 8) * scale;
  // Module (x, y) drawn where (y, n - 1 - x) belongs: the code turned by 90°.
  const png = drawPng(side, side, (px, py) => {
    const x = Math.floor(px / scale) - 4;
    const y = Math.floor(py / scale) - 4;
    return x >= 0 && y >= 0 && x < n && y < n && Boolean(modules.get(n - 1 - x, y));
  });
  assert.deepEqual(await decodeQrCodes(png), [SCREENSHOT_THREE[0]]);
});

test('a picture without a code says so', async () => {
  await assert.rejects(decodeQrCodes(drawPng(200, 100, () => false)), rejectsWith('QR_NOT_FOUND', /No QR code was found/));
});

test('bounds: size from the header alone; too many pixels, too many bytes and other formats are refused before decoding', async () => {
  assert.deepEqual(checkImage(await fixture('screenshot-three.png')), { format: 'png', width: 1920, height: 1080 });
  assert.deepEqual(checkImage(await fixture('screen-photo.jpg')), { format: 'jpeg', width: 1280, height: 960 });
  // A tiny file whose header claims 100,000 × 100,000 pixels (a decompression bomb).
  const bomb = drawPng(1, 1, () => false);
  bomb.writeUInt32BE(100_000, 16);
  bomb.writeUInt32BE(100_000, 20);
  await assert.rejects(decodeQrCodes(bomb), rejectsWith('IMAGE_TOO_LARGE', /100000 × 100000 pixels/));
  // Each side allowed, the area not: 64 megapixels.
  bomb.writeUInt32BE(8000, 16);
  bomb.writeUInt32BE(8000, 20);
  await assert.rejects(decodeQrCodes(bomb), rejectsWith('IMAGE_TOO_LARGE', /8000 × 8000 pixels, more than the 50 megapixels/));
  const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
  await assert.rejects(decodeQrCodes(huge), rejectsWith('IMAGE_TOO_LARGE', /larger than 20 MB/));
  await assert.rejects(decodeQrCodes(Buffer.from('GIF89a not today')), rejectsWith('IMAGE_UNSUPPORTED', /not a PNG or JPEG/));
  await assert.rejects(decodeQrCodes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01])), rejectsWith('IMAGE_UNSUPPORTED', /not a PNG or JPEG/));
});

test('a PNG whose header is right but whose pixels are garbage is refused, not crashed on', async () => {
  const png = drawPng(64, 64, () => false);
  png.fill(0x5a, 40);
  await assert.rejects(decodeQrCodes(png), (error: unknown) => ['IMAGE_UNSUPPORTED', 'QR_NOT_FOUND'].includes((error as { code?: string }).code ?? ''));
});
