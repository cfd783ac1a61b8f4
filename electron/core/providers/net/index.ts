// Runs in: main, CLI, tests.
//
// The network layer every provider folder shares: pinned TLS, timeouts, bounded answers and
// one set of words for network failures.

export { PIN_OPTION, normalisePin } from './certificates.ts';
export { timedOut, unreadable } from './failures.ts';
export { createHttpClient } from './http-client.ts';
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse, StreamingResponse } from './http-client.ts';
export { openWebSocket } from './websocket.ts';
export type { WebSocketOptions } from './websocket.ts';
