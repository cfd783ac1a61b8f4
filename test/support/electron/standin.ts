// Runs in: tests.
//
// A recording stand-in for the 'electron' module, the one edge of main that cannot run here
// (no Electron binary can be had). register.ts hands `electron` to main; tests read what main
// asked of Electron from `standin` and drive the fakes as Electron would: 'ready', a webContents
// being born, a navigation, a permission request, an IPC message, an app:// request. Only what
// main uses today is implemented; views.ts makes anything else fail loudly.
import { EventEmitter } from 'node:events';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, HandlerDetails, Rectangle, WindowOpenHandlerResponse } from 'electron';
import type { KeychainInfo } from '../../../electron/core/platform/ports.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import { FakeKeyProtector } from '../vault.ts';
import { MAIN_PROCESS_API } from './main-api.ts';
import { createViews, missing, notImplemented } from './views.ts';

let ready = false;
const readiness = Promise.withResolvers<void>();
const readyAsked = Promise.withResolvers<void>();
const { calls, named, seenByMain } = createViews(() => ready);

/** Decided by the test before main starts. */
const settings = { singleInstanceLock: true };

/** An Electron event; tests look at whether main prevented it. */
function electronEvent(fields: object = {}) {
  let prevented = false;
  const event = named('event', {
    ...fields,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  });
  return { event: seenByMain(event), prevented: () => prevented };
}

const app = named(
  'app',
  Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox() {
      if (ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    },
    requestSingleInstanceLock: () => settings.singleInstanceLock,
    // Recorded, not performed: the test decides when the app ends (bootMain's cleanup).
    quit() {},
    whenReady() {
      readyAsked.resolve();
      return readiness.promise;
    },
    isReady: () => ready,
    getName: () => packageJson.productName,
    getVersion: () => packageJson.version,
    // As Electron on Linux: appData is $XDG_CONFIG_HOME (or ~/.config), userData appData/<productName>.
    getPath(name: string): string {
      const appData = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
      const paths: Record<string, string> = { home: homedir(), appData, userData: join(appData, packageJson.productName), temp: tmpdir() };
      const path = paths[name];
      if (path === undefined) throw notImplemented(`app.getPath('${name}')`);
      return path;
    },
  }),
);

type Navigation = 'will-navigate' | 'will-redirect' | 'will-frame-navigate';
type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;

const contents: FakeContents[] = [];

/** One webContents: the fake main sees, and what its page can attempt. */
export class FakeContents {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly fake = named(
    'webContents',
    Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (handler: WindowOpenHandler) => {
        this.windowOpenHandler = handler;
      },
      send: (channel: string, ...args: unknown[]) => {
        this.sent.push({ channel, args });
      },
      isDestroyed: () => this.destroyed,
    }),
  );

  constructor() {
    contents.push(this);
    // Electron announces every webContents as it is created, a window's included.
    app.emit('web-contents-created', electronEvent().event, seenByMain(this.fake));
  }

  /** The page, a redirect or a subframe heads for url: true when main prevented it. */
  navigate(kind: Navigation, url: string): boolean {
    const { event, prevented } = electronEvent({ url, isSameDocument: false, isMainFrame: kind !== 'will-frame-navigate', frame: null, initiator: undefined });
    // will-navigate and will-redirect still pass their deprecated positional arguments.
    if (kind === 'will-frame-navigate') this.fake.emit(kind, event);
    else this.fake.emit(kind, event, url, false, true, 1, 1);
    return prevented();
  }

  /** The page adds a <webview src=url>: true when main prevented it. */
  attachWebview(url: string): boolean {
    const { event, prevented } = electronEvent();
    this.fake.emit('will-attach-webview', event, {}, { src: url });
    return prevented();
  }

  /** window.open(url) from the page: the window-open handler's answer, null when none is set (Electron then opens it). */
  open(url: string): WindowOpenHandlerResponse | null {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' } }) ?? null;
  }
}

const windows: FakeWindow[] = [];

/** One BrowserWindow: the options exactly as main passed them, what it loaded, and its state. */
export class FakeWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly contents = new FakeContents();
  readonly loaded: string[] = [];
  shown = false;
  minimized = false;
  focused = false;
  closed = false;
  /** Where the window is, as its options placed it and setBounds moved it. */
  bounds: Rectangle;
  readonly fake = named(
    'browserWindow',
    Object.assign(new EventEmitter(), {
      webContents: this.contents.fake,
      loadURL: (url: string) => {
        this.loaded.push(url);
        setImmediate(() => this.fake.emit('ready-to-show'));
        return Promise.resolve();
      },
      show: () => {
        this.shown = true;
      },
      isMinimized: () => this.minimized,
      restore: () => {
        this.minimized = false;
      },
      focus: () => {
        this.focused = true;
      },
      isDestroyed: () => this.closed,
      ...paletteWindowApi(this),
    }),
  );

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
  }

  /** The user closes the window: false when main prevented it. */
  close(): boolean {
    const { event, prevented } = electronEvent();
    this.fake.emit('close', event);
    if (prevented()) return false;
    this.closed = true;
    this.contents.destroyed = true;
    this.fake.emit('closed');
    if (windows.every((window) => window.closed)) app.emit('window-all-closed');
    return true;
  }
}

class BrowserWindow {
  constructor(options: BrowserWindowConstructorOptions = {}) {
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    const window = new FakeWindow(options);
    windows.push(window);
    app.emit('browser-window-created', electronEvent().event, seenByMain(window.fake));
    return window.fake as unknown as BrowserWindow;
  }

  static getAllWindows() {
    return windows.filter((window) => !window.closed).map((window) => window.fake);
  }
}

type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;
type DevicePermissionHandler = (details: object) => boolean;

/** session.defaultSession: the handlers main set, asked as Electron asks them. */
export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: DevicePermissionHandler | null = null;
  readonly fake = named(
    'defaultSession',
    Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (handler: PermissionRequestHandler | null) => {
        this.requestHandler = handler;
      },
      setPermissionCheckHandler: (handler: PermissionCheckHandler | null) => {
        this.checkHandler = handler;
      },
      setDevicePermissionHandler: (handler: DevicePermissionHandler | null) => {
        this.deviceHandler = handler;
      },
    }),
  );

  /** A page at url asks for a permission: main's answer, undefined when it set no handler (Electron then grants it). */
  request(from: FakeContents, permission: string, url: string): Promise<boolean | undefined> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(undefined);
    return new Promise((answer) => handler(seenByMain(from.fake), permission, answer, { requestingUrl: url, isMainFrame: true }));
  }

  /** A page at url checks a permission: main's answer, undefined when it set no handler. */
  check(from: FakeContents, permission: string, url: string): boolean | undefined {
    return this.checkHandler?.(seenByMain(from.fake), permission, new URL(url).origin, { requestingUrl: url, isMainFrame: true });
  }

  /** A page at origin asks for a USB, HID or serial device: main's answer, undefined when it set no handler. */
  device(deviceType: 'usb' | 'hid' | 'serial', origin: string): boolean | undefined {
    return this.deviceHandler?.({ deviceType, origin, device: {} });
  }

  /** A page starts a download: true when main prevented it. */
  download(from: FakeContents, url: string): boolean {
    const { event, prevented } = electronEvent();
    this.fake.emit('will-download', event, named('downloadItem', { getURL: () => url }), seenByMain(from.fake));
    return prevented();
  }
}

const defaultSession = new FakeSession();
const session = named('session', {
  get defaultSession() {
    if (!ready) throw new Error('Session can only be received when app is ready');
    return defaultSession.fake;
  },
});

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const protocolHandlers = new Map<string, ProtocolHandler>();
const protocol = named('protocol', {
  registerSchemesAsPrivileged(_schemes: unknown[]) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  },
  handle(scheme: string, handler: ProtocolHandler) {
    protocolHandlers.set(scheme, handler);
  },
});

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();
const ipcMain = named(
  'ipcMain',
  Object.assign(new EventEmitter(), {
    handle(channel: string, handler: InvokeHandler) {
      if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      invokeHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      invokeHandlers.delete(channel);
    },
  }),
);

// A Linux desktop with a working keyring.
const KEYCHAIN = { available: true, backend: 'gnome_libsecret', secure: true } as const satisfies KeychainInfo;
const keychain = new FakeKeyProtector(KEYCHAIN);
const safeStorage = named('safeStorage', {
  isAsyncEncryptionAvailable: async () => KEYCHAIN.available,
  // Electron answers 'unknown' until the app is ready.
  getSelectedStorageBackend: () => (ready ? KEYCHAIN.backend : 'unknown'),
  encryptStringAsync: async (plain: string) => Buffer.from(await keychain.encrypt(Buffer.from(plain))),
  decryptStringAsync: async (sealed: Buffer) => ({ shouldReEncrypt: false, result: Buffer.from(await keychain.decrypt(sealed)).toString() }),
});

const powerMonitor = named('powerMonitor', new EventEmitter());

/** The system clipboard as Electron's clipboard module shows it; tests read and change it. */
const clipboardState = { text: '', image: null as Uint8Array | null };
const clipboard = named('clipboard', {
  readText: async () => clipboardState.text,
  writeText: async (text: string) => {
    clipboardState.text = text;
    clipboardState.image = null;
  },
  // Electron 45's clipboard.read(): one item carrying each MIME type the clipboard holds.
  read: async () => {
    const png = clipboardState.image;
    const types = [...(clipboardState.text === '' ? [] : ['text/plain']), ...(png === null ? [] : ['image/png'])];
    return types.length === 0
      ? []
      : [named('ClipboardItem', { types, getType: async (type: string) => (type === 'image/png' && png ? new Blob([Buffer.from(png)], { type }) : new Blob([clipboardState.text], { type })) })];
  },
});

/** What the user picks in the next file dialog: paths, or null to cancel; queued by the test. */
const dialogAnswers: (string | null)[] = [];
function pick(kind: string): string | null {
  const next = dialogAnswers.shift();
  if (next === undefined) throw new Error(`electron stand-in: main opened dialog.${kind} but the test queued no answer`);
  return next;
}
const dialog = named('dialog', {
  showOpenDialog: async (..._args: unknown[]) => {
    const path = pick('showOpenDialog');
    return { canceled: path === null, filePaths: path === null ? [] : [path] };
  },
  showSaveDialog: async (..._args: unknown[]) => {
    const path = pick('showSaveDialog');
    return { canceled: path === null, filePath: path ?? '' };
  },
});
const shell = named('shell', { openExternal: (_url: string) => Promise.resolve() });

// ---- The quick-search palette (issue 13 item 2): globalShortcut, screen, and what its window needs ----

/** What the palette's window adds to FakeWindow: hidden and shown again, placed, blurred, destroyed. */
function paletteWindowApi(window: FakeWindow) {
  return {
    hide: () => {
      window.shown = false;
      window.focused = false;
    },
    isVisible: () => window.shown && !window.closed,
    setBounds: (bounds: Partial<Rectangle>) => {
      window.bounds = { ...window.bounds, ...bounds };
    },
    getBounds: () => ({ ...window.bounds }),
    // As Electron: closed at once, without 'close' (which could prevent it).
    destroy: () => {
      if (window.closed) return;
      window.closed = true;
      window.contents.destroyed = true;
      window.fake.emit('closed');
      if (windows.every((other) => other.closed)) app.emit('window-all-closed');
    },
  };
}

/** Accelerators compare as Electron parses them on Linux: case, aliases and the order of modifiers do not matter. */
const ALIASES: Readonly<Record<string, string>> = { commandorcontrol: 'control', cmdorctrl: 'control', ctrl: 'control', cmd: 'command', esc: 'escape', enter: 'return', meta: 'super', option: 'alt' };
function acceleratorKey(accelerator: string): string {
  const tokens = accelerator.toLowerCase().split('+');
  // Electron refuses what it cannot parse with a TypeError before registering anything.
  if (tokens.some((token) => token === '')) throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
  const named = tokens.map((token) => ALIASES[token] ?? token);
  const key = named.pop() ?? '';
  return [...named.sort(), key].join('+');
}

/** Shortcuts main holds, and those another app on this desktop holds (set by the test). */
const shortcuts = new Map<string, () => void>();
const heldElsewhere = new Set<string>();
const globalShortcut = named('globalShortcut', {
  register(accelerator: string, callback: () => void): boolean {
    if (!ready) throw new Error('globalShortcut cannot be used before the app is ready');
    const key = acceleratorKey(accelerator);
    if (heldElsewhere.has(key) || shortcuts.has(key)) return false;
    shortcuts.set(key, callback);
    return true;
  },
  isRegistered: (accelerator: string) => shortcuts.has(acceleratorKey(accelerator)),
  unregister(accelerator: string) {
    shortcuts.delete(acceleratorKey(accelerator));
  },
  unregisterAll() {
    shortcuts.clear();
  },
});

/** One display: Electron's Display, the fields main reads. */
interface FakeDisplay {
  readonly id: number;
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
  readonly scaleFactor: number;
}
const screenState = {
  cursor: { x: 100, y: 100 },
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }] as FakeDisplay[],
};
const distanceTo = ({ x, y, width, height }: Rectangle, point: { x: number; y: number }) =>
  Math.hypot(Math.max(x - point.x, 0, point.x - (x + width - 1)), Math.max(y - point.y, 0, point.y - (y + height - 1)));
const screen = named(
  'screen',
  Object.assign(new EventEmitter(), {
    getCursorScreenPoint() {
      if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
      return { ...screenState.cursor };
    },
    getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
      if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
      return [...screenState.displays].sort((a, b) => distanceTo(a.bounds, point) - distanceTo(b.bounds, point))[0] as FakeDisplay;
    },
    getPrimaryDisplay: () => screenState.displays[0] as FakeDisplay,
    getAllDisplays: () => [...screenState.displays],
  }),
);

/** The test's side of the palette's APIs. */
const paletteSide = {
  /** The user presses a global shortcut: false when main holds none by that accelerator. */
  pressShortcut(accelerator: string): boolean {
    const callback = shortcuts.get(acceleratorKey(accelerator));
    callback?.();
    return callback !== undefined;
  },
  /** The accelerators main holds, as Electron compares them. */
  heldShortcuts: () => [...shortcuts.keys()],
  /** Another app takes (or gives up) a shortcut: register then returns false for it. */
  heldElsewhere,
  acceleratorKey,
  /** The pointer and the displays, as the test arranges them. */
  screen: screenState,
  /** The window loses focus (the user clicked another app). */
  blur(window: FakeWindow): void {
    window.focused = false;
    window.fake.emit('blur', electronEvent().event);
  },
};

// ---- end of the palette's section ----

const implemented: Readonly<Record<string, object>> = {
  app,
  BrowserWindow: named('BrowserWindow', BrowserWindow),
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};

/** The 'electron' module as main imports it (register.ts exports each API name from it). */
export const electron = new Proxy(
  {},
  {
    get(_target, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      if (Object.hasOwn(implemented, property)) return seenByMain(implemented[property]);
      if (MAIN_PROCESS_API.includes(property)) return missing(property);
      throw new Error(`electron stand-in: electron.${property} is not part of Electron's main-process API.`);
    },
  },
);

/** The test's side: what main asked of Electron, and Electron's side of every exchange. */
export const standin = {
  /** Every call and property read main made on Electron, in order. */
  calls,
  /** The calls main made to one API, e.g. 'app.enableSandbox' or 'new BrowserWindow'. */
  called: (api: string) => calls.filter((call) => call.api === api),
  settings,
  /** Settles once main waits for 'ready' (app.whenReady()). */
  readyAsked: readyAsked.promise,
  /** Electron's 'ready': the app event, then whenReady() resolves. */
  ready(): void {
    ready = true;
    app.emit('ready', electronEvent().event, {});
    readiness.resolve();
  },
  /** The user quits: 'before-quit', as Electron emits it (main lets go of the vault), then 'will-quit' unless main prevented it. */
  quit(): void {
    const { event, prevented } = electronEvent();
    app.emit('before-quit', event);
    if (!prevented()) app.emit('will-quit', electronEvent().event);
  },
  /** To emit app events as Electron would: 'activate', 'second-instance'... */
  app,
  windows: windows as readonly FakeWindow[],
  /** Every webContents, windows' included, in order of creation. */
  contents: contents as readonly FakeContents[],
  /** A webContents created after start-up (a webview, a devtools view...), announced as Electron does. */
  newContents: () => new FakeContents(),
  session: defaultSession,
  /** A request to a custom protocol, answered by main's handler for its scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocolHandlers.get(scheme);
    if (!handler) throw new Error(`electron stand-in: no protocol handler for ${scheme}:`);
    return handler(new Request(url, init));
  },
  /** The channels main handles with ipcMain.handle. */
  channels: () => [...invokeHandlers.keys()],
  /**
   * ipcRenderer.invoke(channel, ...args) from a frame at senderUrl; null or undefined: no
   * sender frame (Electron reports null once the frame has navigated or gone).
   */
  async invoke(channel: string, senderUrl: string | null | undefined, ...args: unknown[]): Promise<unknown> {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = typeof senderUrl === 'string' ? named('senderFrame', { url: senderUrl }) : senderUrl;
    return handler(seenByMain(named('IpcMainInvokeEvent', { senderFrame })), ...args);
  },
  powerMonitor,
  /** The system clipboard: what main wrote, or what "another app" put there. */
  clipboard: clipboardState,
  /** The user's next answers to main's file dialogs, in order: a path, or null for Cancel. */
  dialogAnswers,
  /** The quick-search palette's side: global shortcuts, the screen, a window losing focus. */
  palette: paletteSide,
};
