// Runs in: main, CLI, tests.
//
// Server-Sent Events read off a fetch body as it arrives (docs/device-approvals.md §4.1): an
// `id:`, an `event:` and `data:` lines, then a blank line. Comment lines (`: keep-alive`) are
// not events but prove the connection lives. The network layer's bounded reader cannot serve a
// body that never ends, hence this small reader; it bounds one event instead.

import { AuthdeskError } from '../errors.ts';
import { SERVICE } from './server-errors.ts';

export interface SseEvent {
  /** The `id:` as a number, or null for an event without one (`reset`). */
  readonly id: number | null;
  readonly type: string;
  readonly data: string;
}

/** No protocol event comes near this; a server sending more is not one to trust. */
const MAX_EVENT_CHARS = 64 * 1024;

function parseBlock(block: string): SseEvent | null {
  let id: number | null = null;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' && /^[0-9]{1,15}$/.test(value)) id = Number(value);
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { id, type, data: data.join('\n') };
}

/**
 * Reads `body` until it ends, calling `onBytes` for every chunk (the heartbeat watch) and
 * awaiting `onEvent` for each event in order, so an event is handled before the next is read.
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onBytes: () => void, onEvent: (event: SseEvent) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  // A CR at the end of a chunk may be the first half of a CRLF: it waits for the next chunk.
  let carried = '';
  for await (const chunk of body) {
    onBytes();
    const text = carried + decoder.decode(chunk, { stream: true });
    carried = text.endsWith('\r') ? '\r' : '';
    buffer += (carried ? text.slice(0, -1) : text).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseBlock(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event) await onEvent(event);
    }
    if (buffer.length > MAX_EVENT_CHARS) throw new AuthdeskError('PROVIDER_ERROR', `${SERVICE} sent an event larger than ${MAX_EVENT_CHARS / 1024} KiB; Authdesk stopped reading it.`);
  }
}
