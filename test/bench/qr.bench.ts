// Runs in: benchmarks.
//
// qr.decode: reading every QR code in a 1920×1080 screenshot holding three (test/fixtures/qr/
// screenshot-three.png, codes of different sizes and contrasts) with zxing-wasm, as core does,
// against jsQR (no release since 2019) on the same image. Both start from the PNG's bytes, so
// jsQR's time includes decoding the PNG (pngjs), as zxing-wasm's does. The name says how many
// codes each found: jsQR reads one code a picture at most.
import { readFile } from 'node:fs/promises';
import jsQrModule from 'jsqr';
import { decodeQrCodes } from '../../electron/core/qr/decode.ts';
import { PNG } from '../support/png.ts';
import { compare, type BenchResult } from './measure.ts';

// jsQR is CommonJS whose typings declare an ES default export: the function is its `default`.
const jsQR = jsQrModule.default;

export default async function (): Promise<BenchResult[]> {
  const bytes = await readFile(new URL('../fixtures/qr/screenshot-three.png', import.meta.url));
  const withJsQr = () => {
    const { width, height, data } = PNG.sync.read(bytes);
    return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height);
  };
  const zxingFound = (await decodeQrCodes(bytes)).length;
  const jsQrFound = withJsQr() === null ? 0 : 1;
  return [
    await compare(
      'qr.decode',
      `decode a 1920×1080 screenshot holding 3 QR codes: zxing-wasm found ${zxingFound}, jsQR (baseline) found ${jsQrFound}`,
      () => decodeQrCodes(bytes),
      withJsQr,
      { runs: 9, warmup: 2 },
    ),
  ];
}
