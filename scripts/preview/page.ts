// Runs in: development (npm run preview).
//
// Note (preview CSP): the page keeps the product's Content-Security-Policy with one change,
// connect-src 'self' instead of 'none', because the preview's bridge is fetch and EventSource
// to its own origin where Electron's is IPC, which CSP does not govern. The product's policy
// (electron/main/window/csp.ts) is unchanged. The built index.html carries the policy in a
// meta tag too, and a page obeys both, so the tag is rewritten the same way as the header.
// Change together with renderer/vite.config.ts, which writes that tag.
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window/csp.ts';
import { STANDIN_PATH } from './endpoints.ts';

/** The built index.html is not shaped as this file expects: the renderer's build changed. */
export class PreviewPageError extends Error {
  override readonly name = 'PreviewPageError';
}

/** The policy with its connect-src replaced by 'self'. */
export function allowOwnConnections(policy: string): string {
  const directives = policy.split(';').map((directive) => directive.trim());
  const at = directives.findIndex((directive) => /^connect-src(\s|$)/.test(directive));
  if (at < 0) throw new PreviewPageError('The Content-Security-Policy has no connect-src directive to relax.');
  directives[at] = "connect-src 'self'";
  return directives.join('; ');
}

export const PREVIEW_POLICY = allowOwnConnections(CONTENT_SECURITY_POLICY);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const CHARACTERS = Object.fromEntries(Object.entries(ENTITIES).map(([entity, character]) => [character, entity]));
const unescapeAttribute = (text: string) => text.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
const escapeAttribute = (text: string) => text.replace(/[&"'<>]/g, (character) => CHARACTERS[character] ?? character);

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i;
const APP_SCRIPT = /<script\b[^>]*\btype="module"/i;

/**
 * The built index.html as the preview serves it: its CSP meta tag relaxed like the header,
 * and the stand-in loaded from the page's own origin (script-src 'self' forbids an inline
 * one) before the app's module script, which a classic script always runs ahead of.
 */
export function previewPage(html: string): string {
  if (!CSP_META.test(html)) throw new PreviewPageError('The built index.html has no Content-Security-Policy meta tag.');
  const relaxed = html.replace(CSP_META, (_tag, start: string, policy: string, end: string) => `${start}${escapeAttribute(allowOwnConnections(unescapeAttribute(policy)))}${end}`);
  const at = relaxed.search(APP_SCRIPT);
  if (at < 0) throw new PreviewPageError('The built index.html has no module script to load the stand-in before.');
  return `${relaxed.slice(0, at)}<script src="${STANDIN_PATH}"></script>\n    ${relaxed.slice(at)}`;
}
