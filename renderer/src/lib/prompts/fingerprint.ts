// Runs in: renderer.
//
// Whether a question's detail is a SHA-256 certificate fingerprint ("AB:CD:…", 32 bytes), the
// form electron/core/providers/net gives CERT_UNTRUSTED's details.fingerprint and the sessions
// service passes to Prompt.confirm; change together.
const SHA256_FINGERPRINT = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/i;

export function isFingerprint(text: string): boolean {
  return SHA256_FINGERPRINT.test(text);
}
