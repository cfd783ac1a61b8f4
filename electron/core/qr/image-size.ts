// Runs in: main, CLI, tests.
//
// Reads an image's format and size from its header alone, so the work a hostile picture can
// ask of the decoder (bytes, pixels) is refused before any pixel is decoded. PNG and JPEG
// only: what screenshots, phone photos and the clipboard (always PNG) give.
import { AuthdeskError } from '../errors.ts';

// Note (image bounds): 20 MiB holds any real screenshot or phone photo; 50 megapixels covers an
// 8K screen and a 48 MP camera. Decoding takes 4 bytes a pixel (200 MB at the cap) and time
// that grows with the pixels, so anything larger is refused, not slowly decoded.
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 50_000_000;
const MAX_SIDE = 16_384;

export interface ImageSize {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function unsupported(): AuthdeskError {
  return new AuthdeskError('IMAGE_UNSUPPORTED', 'This is not a PNG or JPEG image Authdesk can read. Take a screenshot of the QR code (PNG) and try that.');
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw unsupported();
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Start-of-frame markers carry the size: SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw unsupported();
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (length < 2) throw unsupported();
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) throw unsupported();
      return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    }
    offset += 2 + length;
  }
  throw unsupported();
}

/** The image's format and size, or an AuthdeskError saying why it is refused (nothing decoded). */
export function checkImage(bytes: Uint8Array): ImageSize {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AuthdeskError('IMAGE_TOO_LARGE', `This image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Crop it to the QR codes, or take a screenshot of them, and try again.`);
  }
  let size: { width: number; height: number };
  let format: ImageSize['format'];
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    format = 'png';
    size = pngSize(bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    format = 'jpeg';
    size = jpegSize(bytes);
  } else {
    throw unsupported();
  }
  const { width, height } = size;
  if (width === 0 || height === 0) throw unsupported();
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new AuthdeskError('IMAGE_TOO_LARGE', `This image is ${width} × ${height} pixels, more than the ${MAX_IMAGE_PIXELS / 1_000_000} megapixels Authdesk reads. Crop it to the QR codes and try again.`);
  }
  return { format, width, height };
}
