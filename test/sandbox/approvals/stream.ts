// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// A device's Server-Sent Events stream (docs/device-approvals.md §4): the replay after the
// device's cursor, then live events, heartbeats (every 15 s unless the sandbox is told otherwise), and the end after the device's own
// `revoked` event.

import type { SandboxRequest } from '../http.ts';
import type { Device, DeviceRegistry } from './devices.ts';
import type { DeviceEvent } from './event-log.ts';

/** docs §4.2: a device calls a connection dead after 45 s without a byte. */
export const HEARTBEAT_MS = 15_000;

export interface StreamContext {
  readonly devices: DeviceRegistry;
  readonly device: Device;
  readonly heartbeatMs: number;
  /** Closers of every held response, so the sandbox can end them when it stops. */
  readonly openStreams: Set<() => void>;
}

export function openStream(req: SandboxRequest, { devices, device, heartbeatMs, openStreams }: StreamContext, cursor: number | undefined): void {
  const { res } = req;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  let last = cursor ?? 0;
  const write = (event: DeviceEvent) => {
    if (event.id <= last || res.writableEnded) return;
    last = event.id;
    res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (event.type === 'revoked' && event.data.deviceId === device.id) close();
  };
  // Subscribe before replaying so an event published in between is not lost; `last` drops repeats.
  const unsubscribe = device.log.subscribe(write);
  const replay = devices.replay(device, cursor);
  if (replay.reset) {
    last = 0;
    res.write(`event: reset\ndata: ${JSON.stringify({ reason: 'CURSOR_UNKNOWN', firstEventId: replay.firstEventId })}\n\n`);
  }
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  function close(): void {
    clearInterval(heartbeat);
    unsubscribe();
    openStreams.delete(close);
    res.end();
  }
  openStreams.add(close);
  req.raw.on('close', close);
  for (const event of replay.events) write(event);
}
