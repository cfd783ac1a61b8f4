// Runs in: main, CLI, tests.
//
// Reads a backup file for importData without trusting it: at most MAX_IMPORT_BYTES + 1 bytes
// are read, so /dev/zero or an endless pipe ends in a clear refusal, not in memory exhaustion;
// anything but a regular file (a folder, a device, a FIFO) is refused before reading at all.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AuthdeskError } from '../errors.ts';
import { assertImportSize, MAX_IMPORT_BYTES } from './size-caps.ts';

const CHUNK_BYTES = 1024 * 1024;

function unreadable(error: unknown): AuthdeskError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AuthdeskError('NOT_FOUND', 'There is no file there: check the path of the backup.', { cause: error });
  return new AuthdeskError('FILE_UNREADABLE', `The backup file could not be read (${code ?? 'read error'}): check that it is yours and readable.`, { cause: error });
}

export async function readImportFile(path: string): Promise<Buffer> {
  let handle: FileHandle;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once and is then refused.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(error);
  }
  try {
    if (!(await handle.stat()).isFile()) {
      throw new AuthdeskError('INVALID_INPUT', 'That is not a regular file (it is a folder, a device or a pipe). Save the backup as a file and import that file.');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    // A file's size can change or be misreported (/proc), so the bytes read are what count.
    while (total <= MAX_IMPORT_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, MAX_IMPORT_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    assertImportSize(total);
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof AuthdeskError) throw error;
    throw unreadable(error);
  } finally {
    await handle.close();
  }
}
