// Runs in: main.
//
// The KeyProtector port over Electron's asynchronous safeStorage API. On Linux the
// "basic_text" backend encrypts with a hard-coded password: it is reported as not secure, and
// the vault keeps asking for its password (DESIGN §3).
import { safeStorage } from 'electron';
import { AuthdeskError } from '../core/errors.ts';
import type { KeychainBackend, KeychainInfo } from '../core/api/types.ts';
import type { KeyProtector } from '../core/platform/ports.ts';

function backend(): KeychainBackend {
  if (process.platform === 'darwin') return 'keychain';
  if (process.platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

export const safeStorageKeyProtector: KeyProtector = {
  async info(): Promise<KeychainInfo> {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    const name = available ? backend() : 'none';
    return { available, backend: name, secure: available && name !== 'basic_text' && name !== 'unknown' };
  },
  async encrypt(plain) {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'The system keychain is not available.');
    return safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64'));
  },
  async decrypt(sealed) {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'The system keychain is not available.');
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
    return { plain: Buffer.from(result, 'base64'), stale: shouldReEncrypt };
  },
};
