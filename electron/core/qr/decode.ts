// Runs in: main, CLI, tests.
//
// Every QR code in one picture, decoded by zxing-wasm (ZXing-C++ compiled to WebAssembly):
// several codes at once, small, rotated, low-contrast and inverted (dark-mode) ones. The image
// is checked (image-size.ts) before the decoder sees a byte.
//
// Note (wasm file): the decoder would fetch its .wasm from a CDN; it is handed the file
// instead. Run from source that is the package's own file; bundled it is zxing_reader.wasm
// beside the bundle (scripts/build.ts copies it into dist/main and dist/cli). Change together
// with scripts/build.ts.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { AuthdeskError } from '../errors.ts';
import { checkImage } from './image-size.ts';

const WASM_PATH = fileURLToPath(
  import.meta.url.endsWith('.ts') ? import.meta.resolve('zxing-wasm/reader/zxing_reader.wasm') : new URL('./zxing_reader.wasm', import.meta.url),
);

// Note (how many codes): a Google Authenticator export shows at most 10 accounts a code, and a
// screen seldom holds more than a handful; 20 leaves room without letting a crafted picture of
// hundreds of codes make the preview huge.
export const MAX_CODES = 20;

const OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  maxNumberOfSymbols: MAX_CODES,
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  tryDenoise: true,
};

let ready: Promise<void> | undefined;

function prepared(): Promise<void> {
  ready ??= readFile(WASM_PATH).then(async (binary) => {
    await prepareZXingModule({ overrides: { wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength) as ArrayBuffer }, fireImmediately: true });
  });
  return ready;
}

/** The text of every QR code found, in reading order, repeated ones once. Throws IMAGE_* or QR_NOT_FOUND. */
export async function decodeQrCodes(image: Uint8Array): Promise<string[]> {
  checkImage(image);
  await prepared();
  let results;
  try {
    results = await readBarcodes(image, OPTIONS);
  } catch (error) {
    throw new AuthdeskError('IMAGE_UNSUPPORTED', 'This image could not be read: it is damaged or not really a PNG or JPEG.', { cause: error });
  }
  const texts = [...new Set(results.filter((r) => r.isValid && r.text !== '').map((r) => r.text))];
  if (texts.length === 0) {
    throw new AuthdeskError('QR_NOT_FOUND', 'No QR code was found in this image. Make sure the whole code is visible and sharp, or paste its link instead.');
  }
  return texts;
}
