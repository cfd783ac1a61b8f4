// Runs in: main; also read by the e2e server and the renderer's build.
//
// Note (CSP): the one Content-Security-Policy of the renderer. Main sends it as a header from
// the app:// protocol handler; renderer/index.html carries the same policy in a meta tag
// (written by renderer/vite.config.ts from this constant) so it also holds where no header
// is sent. No inline script, no eval, no remote origin, no frames.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
