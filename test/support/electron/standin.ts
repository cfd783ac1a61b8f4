// Runs in: tests.
//
// A recording stand-in for the 'electron' module, the one edge of main that cannot run here
// (no Electron binary can be had). register.ts hands `electron` to main; tests read what main
// asked of Electron from `standin` and drive the fakes as Electron would: 'ready', a webContents
// being born, a navigation, a permission request, an IPC message, an app:// request. Only what
// main uses today is implemented; views.ts makes anything else fail loudly.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, parse } from 'node:path';
import type { BrowserWindowConstructorOptions, HandlerDetails, MenuItemConstructorOptions, NotificationConstructorOptions, Rectangle, WindowOpenHandlerResponse } from 'electron';
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
    // Chromium reads its switches at start: one appended after 'ready' does nothing.
    commandLine: named('commandLine', {
      appendSwitch(_name: string, _value?: string) {
        if (ready) throw new Error('electron stand-in: a command-line switch appended after ready has no effect');
      },
    }),
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
  decryptStringAsync: async (sealed: Buffer) => {
    const { plain, stale } = await keychain.decrypt(sealed);
    return { shouldReEncrypt: stale, result: Buffer.from(plain).toString() };
  },
});

/**
 * The system clipboard as Electron's clipboard module shows it; tests read and change it.
 * `formats`: the other formats the last write put beside the text (clipboard.write).
 */
const clipboardState = { text: '', image: null as Uint8Array | null, formats: new Map<string, Uint8Array>() };
const clipboard = named('clipboard', {
  readText: async () => clipboardState.text,
  // Every write replaces all the clipboard held, as an OS clipboard does.
  writeText: async (text: string) => {
    clipboardState.text = text;
    clipboardState.image = null;
    clipboardState.formats.clear();
  },
  write: writeClipboardItems,
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

// ---------------------------------------------------------------------------------------------
// Section: keychain, auto-lock and clipboard marking (issue 13, items 3 to 5). Kept together so
// merges with other parts of the stand-in stay easy.
// ---------------------------------------------------------------------------------------------

/** What the OS reports to powerMonitor's idle questions; set by the test. */
const systemIdle = { seconds: 0, locked: false };
const powerMonitor = named(
  'powerMonitor',
  Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => systemIdle.seconds,
    // As Electron: the threshold must be over 0; 'locked' comes before the threshold.
    getSystemIdleState(threshold: number): 'active' | 'idle' | 'locked' {
      if (!(threshold > 0)) throw new TypeError('Invalid idle threshold, must be greater than 0');
      if (systemIdle.locked) return 'locked';
      return systemIdle.seconds >= threshold ? 'idle' : 'active';
    },
  }),
);

/** Electron 45's ClipboardItem, the write side: a MIME type to a string or Blob payload each. */
class ClipboardItem {
  readonly items: Readonly<Record<string, string | Blob>>;
  constructor(items: Record<string, string | Blob>) {
    if (typeof items !== 'object' || items === null || Object.keys(items).length === 0) {
      throw new TypeError("Failed to construct 'ClipboardItem': at least one MIME type is required.");
    }
    this.items = { ...items };
  }

  get types(): string[] {
    return Object.keys(this.items);
  }
}

/** clipboard.write(items): every format of every item replaces what the clipboard held, at once. */
async function writeClipboardItems(items: unknown): Promise<void> {
  if (!Array.isArray(items) || !items.every((item) => item instanceof ClipboardItem)) throw new TypeError('clipboard.write expects an array of ClipboardItem');
  const written = new Map<string, Uint8Array>();
  for (const item of items as ClipboardItem[]) {
    for (const [type, payload] of Object.entries(item.items)) {
      written.set(type, typeof payload === 'string' ? Buffer.from(payload) : new Uint8Array(await payload.arrayBuffer()));
    }
  }
  const text = written.get('text/plain');
  written.delete('text/plain');
  clipboardState.text = text === undefined ? '' : Buffer.from(text).toString();
  clipboardState.image = null;
  clipboardState.formats = written;
}

/** The webContents an IPC message comes from: the main window's, the one window main opens. */
function invokeSender(): unknown {
  return windows.find((window) => !window.closed)?.contents.fake ?? null;
}

/**
 * The person acts in a webContents, as Electron reports the OS's input to main: a click
 * ('input-event' mouseDown) or a key press ('before-input-event' keyDown, then 'input-event').
 */
function userInput(contents: FakeContents, kind: 'click' | 'key'): void {
  if (kind === 'key') {
    contents.fake.emit('before-input-event', electronEvent().event, { type: 'keyDown', key: 'Enter', code: 'Enter', isAutoRepeat: false, isComposing: false, shift: false, control: false, alt: false, meta: false, location: 0, modifiers: [] });
    contents.fake.emit('input-event', electronEvent().event, { type: 'rawKeyDown', modifiers: [] });
  } else {
    contents.fake.emit('input-event', electronEvent().event, { type: 'mouseDown', modifiers: [], x: 20, y: 20, button: 'left', clickCount: 1 });
  }
}

const keychainSection = {
  /** The OS keychain behind safeStorage: `upgrade()` makes what it sealed before stale (shouldReEncrypt). */
  keychain,
  /** What powerMonitor.getSystemIdleTime/getSystemIdleState report: seconds idle, screen locked. */
  systemIdle,
  userInput,
};
// ---------------------------------------------------------------------------------------------

// ---- Tray, Menu and nativeImage (the tray menu, electron/main/tray/) ----------------------
// As Electron 45 documents and implements them (docs/api/tray.md, menu.md, menu-item.md,
// native-image.md; lib/browser/api/menu.ts, menu-item.ts): a Tray only after 'ready';
// Menu.buildFromTemplate validates each item, folds adjacent separators and drops edge ones,
// groups radio items between separators, and a click on a radio item ticks it (and unticks the
// rest of its group) before calling the item's click; nativeImage.createFromPath gives an empty
// image for a missing or unreadable file and picks up `@2x`-style files beside it.

const SCALE_SUFFIXES = [['@1x', 1], ['@1.25x', 1.25], ['@1.33x', 1.33], ['@1.4x', 1.4], ['@1.5x', 1.5], ['@1.8x', 1.8], ['@2x', 2], ['@2.5x', 2.5], ['@3x', 3], ['@4x', 4], ['@5x', 5]] as const;

/** Width and height from a PNG's IHDR; null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A NativeImage: the file it came from, its representations by scale factor, and the template flag. */
export class FakeImage {
  template = false;
  readonly representations: ReadonlyMap<number, { readonly path: string; readonly width: number; readonly height: number }>;
  readonly fake = named('nativeImage', {
    isEmpty: () => this.representations.size === 0,
    getSize: () => {
      const base = this.representations.get(1);
      return base ? { width: base.width, height: base.height } : { width: 0, height: 0 };
    },
    getScaleFactors: () => [...this.representations.keys()],
    setTemplateImage: (option: boolean) => {
      this.template = option;
    },
    isTemplateImage: () => this.template,
  });

  constructor(path: string | null) {
    const found = new Map<number, { path: string; width: number; height: number }>();
    const read = (file: string) => {
      try {
        return pngSize(readFileSync(file));
      } catch {
        return null;
      }
    };
    const base = path === null ? null : read(path);
    if (path !== null && base) {
      found.set(1, { path, ...base });
      const { dir, name, ext } = parse(path);
      for (const [suffix, scale] of SCALE_SUFFIXES) {
        const file = join(dir, `${name}${suffix}${ext}`);
        const size = existsSync(file) ? read(file) : null;
        if (size) found.set(scale, { path: file, ...size });
      }
    }
    this.representations = found;
  }
}

const images = new WeakMap<object, FakeImage>();
const nativeImage = named('nativeImage', {
  createFromPath(path: string) {
    const image = new FakeImage(path);
    images.set(seenByMain(image.fake) as object, image);
    return image.fake;
  },
  createEmpty() {
    const image = new FakeImage(null);
    images.set(seenByMain(image.fake) as object, image);
    return image.fake;
  },
});

type ItemType = 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio' | 'header' | 'palette';

/** A MenuItem as Electron builds it from a template item. */
export class FakeMenuItem {
  readonly label: string;
  readonly type: ItemType;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: FakeMenu | null;
  groupId: number | null = null;
  #checked: boolean;
  readonly #click: MenuItemConstructorOptions['click'];
  #menu: FakeMenu | null = null;

  constructor(options: MenuItemConstructorOptions) {
    const submenu = options.submenu === undefined ? null : Array.isArray(options.submenu) ? buildMenu(options.submenu) : (menuOfView.get(options.submenu) ?? null);
    if (options.submenu !== undefined && submenu === null) throw new Error('Invalid submenu');
    this.type = options.type ?? (submenu === null ? 'normal' : 'submenu');
    this.label = options.label ?? '';
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.submenu = submenu;
    this.#checked = options.checked ?? false;
    this.#click = options.click;
  }

  get checked(): boolean {
    return this.#checked;
  }

  set checked(value: boolean) {
    // Setting a radio item ticks it and unticks the rest of its group, whatever the value.
    if (this.type === 'radio' && this.#menu !== null) {
      for (const other of this.#menu.items) if (other !== this && other.groupId === this.groupId) other.#checked = false;
      this.#checked = true;
      return;
    }
    this.#checked = value;
  }

  /** Adds the item to menu (Menu.append), grouping a radio item with the radio items next to it. */
  joined(menu: FakeMenu, index: number, groupId: () => number): void {
    this.#menu = menu;
    if (this.type !== 'radio') return;
    let group: number | null = null;
    for (let i = index - 1; i >= 0; i--) {
      const before = menu.items[i]!;
      if (before.type === 'radio') {
        group = before.groupId;
        break;
      }
      if (before.type === 'separator') break;
    }
    this.groupId = group ?? groupId();
  }

  /** The person picks the item: what Electron does, then the item's own click. */
  click(): void {
    if (!this.enabled || !this.visible) throw new Error(`electron stand-in: "${this.label}" is ${this.enabled ? 'hidden' : 'disabled'}; it cannot be clicked`);
    if (this.type === 'checkbox' || this.type === 'radio') this.checked = !this.checked;
    this.#click?.(this as unknown as Electron.MenuItem, undefined, named('KeyboardEvent', {}) as Electron.KeyboardEvent);
  }
}

/** A Menu: its items, each clickable, submenus included. */
export class FakeMenu {
  readonly items: FakeMenuItem[] = [];
  readonly fake = named('menu', { items: this.items });

  /** Every item, depth first, submenus' items after their submenu item. */
  all(): FakeMenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu?.all() ?? [])]);
  }

  /** The one item with this label (or matching it), anywhere in the menu; throws when none or several. */
  item(label: string | RegExp): FakeMenuItem {
    const found = this.all().filter((item) => (typeof label === 'string' ? item.label === label : label.test(item.label)));
    if (found.length !== 1) throw new Error(`electron stand-in: ${found.length} menu items match ${String(label)}: ${this.all().map((item) => item.label).join(' | ')}`);
    return found[0]!;
  }

  /** The menu as a reader sees it: labels, '---' for separators, submenus nested. */
  outline(): unknown[] {
    return this.items.filter((item) => item.visible).map((item) => (item.type === 'separator' ? '---' : item.submenu ? { [item.label]: item.submenu.outline() } : item.type === 'radio' ? `${item.checked ? '(x)' : '( )'} ${item.label}` : item.label));
  }
}

const menuOfView = new WeakMap<object, FakeMenu>();
let radioGroups = 0;
const menusBuilt: FakeMenu[] = [];

function buildMenu(template: readonly (MenuItemConstructorOptions | Electron.MenuItem)[]): FakeMenu {
  if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
  if (!template.every((item) => item !== null && item !== undefined && typeof item === 'object' && (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || item.type === 'separator'))) {
    throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
  }
  const folded = template.filter((item, index, all) => item.visible === false || item.type !== 'separator' || index === 0 || all[index - 1]?.type !== 'separator');
  const trimmed = folded.filter((item, index, all) => item.visible === false || item.type !== 'separator' || (index !== 0 && index !== all.length - 1));
  const menu = new FakeMenu();
  menuOfView.set(seenByMain(menu.fake) as object, menu);
  for (const options of trimmed) {
    const item = new FakeMenuItem(options as MenuItemConstructorOptions);
    menu.items.push(item);
    item.joined(menu, menu.items.length - 1, () => ++radioGroups);
  }
  menusBuilt.push(menu);
  return menu;
}

const Menu = named('Menu', {
  buildFromTemplate: (template: readonly MenuItemConstructorOptions[]) => buildMenu(template).fake,
});

const trays: FakeTray[] = [];

/** A Tray: its image, tooltip and context menu as main last set them, and every menu it was given. */
export class FakeTray {
  readonly image: FakeImage | string;
  readonly guid: string | undefined;
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  /** Each menu main passed to setContextMenu, in order. */
  readonly menusSet: (FakeMenu | null)[] = [];
  destroyed = false;
  readonly fake = named(
    'tray',
    Object.assign(new EventEmitter(), {
      setToolTip: (toolTip: string) => {
        this.#alive();
        this.tooltip = toolTip;
      },
      setContextMenu: (menu: object | null) => {
        this.#alive();
        const fake = menu === null ? null : menuOfView.get(menu);
        if (fake === undefined) throw new TypeError('Error processing argument at index 0, conversion failure from menu');
        this.contextMenu = fake;
        this.menusSet.push(fake);
      },
      destroy: () => {
        this.destroyed = true;
      },
      isDestroyed: () => this.destroyed,
    }),
  );

  constructor(image: object | string, guid?: string) {
    if (!ready) throw new Error('Cannot create Tray before app is ready');
    const fake = typeof image === 'string' ? image : images.get(image);
    if (fake === undefined) throw new TypeError('Error processing argument at index 0, conversion failure from image');
    this.image = fake;
    this.guid = guid;
    trays.push(this);
  }

  #alive(): void {
    if (this.destroyed) throw new Error('Tray is destroyed');
  }

  /** The person clicks the icon (on Linux: the panel activates it). */
  click(): void {
    this.fake.emit('click', named('KeyboardEvent', {}), { x: 0, y: 0, width: 24, height: 24 }, { x: 12, y: 12 });
  }
}

class Tray {
  constructor(image: object | string, guid?: string) {
    return new FakeTray(image, guid).fake as unknown as Tray;
  }
}
// ---- end of Tray, Menu and nativeImage ----------------------------------------------------

// ---- Notification (issue 13, item 6: notifications) -------------------------------------
// As Electron 45 documents it: new Notification(options) shows nothing until show(); events
// 'show', 'click', 'close' (not promised on every platform) and 'failed'; the static
// isSupported(). The test reads the options main passed and clicks or dismisses as the user.

/** Whether the OS shows notifications (Notification.isSupported()); set by the test before main starts. */
const notificationSupport = { supported: true };
const notifications: FakeNotification[] = [];

/** One Notification: the options exactly as main passed them, and what happened to it. */
export class FakeNotification {
  readonly options: NotificationConstructorOptions;
  shown = false;
  /** main called close(). */
  closed = false;
  readonly fake = named(
    'notification',
    Object.assign(new EventEmitter(), {
      show: () => {
        this.shown = true;
        setImmediate(() => this.fake.emit('show', electronEvent().event));
      },
      close: () => {
        this.closed = true;
      },
    }),
  );

  constructor(options: NotificationConstructorOptions) {
    this.options = options;
  }

  /** The user clicks the notification. */
  click(): void {
    if (!this.shown) throw new Error('electron stand-in: a notification main never showed cannot be clicked');
    this.fake.emit('click', electronEvent().event);
  }

  /** The user dismisses it (or the OS times it out, where it reports that). */
  dismiss(): void {
    this.fake.emit('close', electronEvent().event);
  }
}

class Notification {
  constructor(options: NotificationConstructorOptions = {}) {
    const notification = new FakeNotification(options);
    notifications.push(notification);
    return notification.fake as unknown as Notification;
  }

  static isSupported(): boolean {
    return notificationSupport.supported;
  }
}
// ---- end of Notification ------------------------------------------------------------------

// ---- Links and screen QR (issue 13, items 7 and 8) ----------------------------------------
// app.setAsDefaultProtocolClient, 'open-url' and 'second-instance' as Electron sends them; the
// screens (screen.getAllDisplays), desktopCapturer showing what the test put on them, and
// macOS's screen-recording permission (systemPreferences.getMediaAccessStatus).

Object.assign(app, {
  // Whether the call succeeded; the OS registration itself is not performed.
  setAsDefaultProtocolClient: (_protocol: string, _path?: string, _args?: string[]) => true,
});

/** Decided by the test: how capturing the screens goes (the screens themselves: screenState, in the palette's section). */
const screens = {
  /** The screens and what each shows. */
  get displays(): FakeDisplay[] {
    return screenState.displays;
  },
  set displays(displays: FakeDisplay[]) {
    screenState.displays = displays;
  },
  /** macOS's answer for 'screen'. */
  mediaAccess: 'granted' as 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown',
  /** What the answer becomes once macOS has asked (a capture while not-determined): denied until the app is relaunched. */
  afterAsking: 'denied' as 'granted' | 'denied',
  /** getSources rejects, as when the person cancels the Wayland portal's picker. */
  captureFails: false,
};

const EMPTY_IMAGE = named('nativeImage', { isEmpty: () => true, toPNG: () => Buffer.alloc(0), getSize: () => ({ width: 0, height: 0 }) });

const desktopCapturer = named('desktopCapturer', {
  async getSources(options: { types: string[]; thumbnailSize?: { width: number; height: number } }) {
    // macOS asks the person on the first capture.
    if (screens.mediaAccess === 'not-determined') screens.mediaAccess = screens.afterAsking;
    if (screens.captureFails) throw new Error('Failed to get sources.');
    if (!options.types.includes('screen')) return [];
    const wanted = options.thumbnailSize ?? { width: 150, height: 150 };
    return screens.displays.map((display, index) => {
      const width = Math.round(display.bounds.width * display.scaleFactor);
      const height = Math.round(display.bounds.height * display.scaleFactor);
      // Electron scales a thumbnail down to fit thumbnailSize; the stand-in has no scaler, so it
      // refuses instead of handing back a picture Electron would not.
      if (wanted.width !== 0 && wanted.height !== 0 && (wanted.width < width || wanted.height < height)) {
        throw new Error(`electron stand-in: thumbnailSize ${wanted.width}x${wanted.height} would scale screen ${index + 1} (${width}x${height}) down; the stand-in does not scale`);
      }
      const thumbnail =
        wanted.width === 0 || wanted.height === 0
          ? EMPTY_IMAGE
          : named('nativeImage', { isEmpty: () => false, toPNG: () => Buffer.from(display.png ?? []), getSize: () => ({ width, height }) });
      return { id: `screen:${index}:0`, name: screens.displays.length === 1 ? 'Entire Screen' : `Screen ${index + 1}`, display_id: String(index + 1), thumbnail, appIcon: null };
    });
  },
});

const systemPreferences = named('systemPreferences', {
  getMediaAccessStatus: (_mediaType: 'microphone' | 'camera' | 'screen') => screens.mediaAccess,
});

/** The test's side of links and screens. */
const linksAndScreens = {
  screens,
  /** macOS opens a link with the app ('open-url'): true when main prevented the default, as it must. */
  openUrl(url: string): boolean {
    const { event, prevented } = electronEvent();
    app.emit('open-url', event, url);
    return prevented();
  },
  /** A second launch with argv hands over to this one, as Electron does after requestSingleInstanceLock. */
  secondInstance(argv: readonly string[]): void {
    app.emit('second-instance', electronEvent().event, [...argv], process.cwd(), {});
  },
};
// ---- end of links and screen QR ------------------------------------------------------------
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

/** One display: Electron's Display, the fields main reads, and what it shows (a PNG of its size × scaleFactor pixels, for screen QR). */
export interface FakeDisplay {
  readonly id: number;
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
  readonly scaleFactor: number;
  readonly png?: Uint8Array;
}

/** A screen at the origin, width × height DIPs, showing png. */
export function displayShowing(width: number, height: number, scaleFactor: number, png: Uint8Array, id = 1): FakeDisplay {
  const bounds = { x: 0, y: 0, width, height };
  return { id, bounds, workArea: bounds, scaleFactor, png };
}
const screenState = {
  cursor: { x: 100, y: 100 },
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }] as FakeDisplay[],
};
/** As Electron's Display: its size too, in DIPs. */
const asDisplay = ({ png: _png, ...display }: FakeDisplay) => ({ ...display, size: { width: display.bounds.width, height: display.bounds.height } });
const distanceTo = ({ x, y, width, height }: Rectangle, point: { x: number; y: number }) =>
  Math.hypot(Math.max(x - point.x, 0, point.x - (x + width - 1)), Math.max(y - point.y, 0, point.y - (y + height - 1)));
const screen = named(
  'screen',
  Object.assign(new EventEmitter(), {
    getCursorScreenPoint() {
      if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
      return { ...screenState.cursor };
    },
    getDisplayNearestPoint(point: { x: number; y: number }) {
      if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
      return asDisplay([...screenState.displays].sort((a, b) => distanceTo(a.bounds, point) - distanceTo(b.bounds, point))[0] as FakeDisplay);
    },
    getPrimaryDisplay: () => asDisplay(screenState.displays[0] as FakeDisplay),
    getAllDisplays() {
      if (!ready) throw new Error("The 'screen' module can't be used before the app 'ready' event");
      return screenState.displays.map(asDisplay);
    },
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
  ClipboardItem: named('ClipboardItem', ClipboardItem),
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray: named('Tray', Tray),
  Notification: named('Notification', Notification),
  // Links and screen QR.
  desktopCapturer,
  systemPreferences,
  globalShortcut,
  screen,
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
  /** The main windows main opened, in order: every window but the quick-search palette's. */
  mainWindows: () => windows.filter((window) => !window.loaded.some((url) => url.endsWith('/palette.html'))),
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
    return handler(seenByMain(named('IpcMainInvokeEvent', { senderFrame, sender: invokeSender() })), ...args);
  },
  powerMonitor,
  /** The system clipboard: what main wrote, or what "another app" put there. */
  clipboard: clipboardState,
  /** The user's next answers to main's file dialogs, in order: a path, or null for Cancel. */
  dialogAnswers,
  ...keychainSection,
  /** Every Tray main created, in order. */
  trays: trays as readonly FakeTray[],
  /** Every Menu main built, in order. */
  menus: menusBuilt as readonly FakeMenu[],
  /** Every Notification main created, in order; whether the OS supports them (set before main starts). */
  notifications: notifications as readonly FakeNotification[],
  notificationSupport,
  ...linksAndScreens,
  /** The quick-search palette's side: global shortcuts, the screen, a window losing focus. */
  palette: paletteSide,
};
