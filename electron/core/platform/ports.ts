// Runs in: main, CLI, tests.
//
// What the core needs from its host. Main implements these with Electron (safeStorage,
// electron-store, powerMonitor ...); the CLI and the tests implement them with plain Node.

export type KeychainBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'none';

export interface KeychainInfo {
  /** The OS can encrypt with a key it keeps. */
  readonly available: boolean;
  readonly backend: KeychainBackend;
  /** False where the backend protects nothing (Linux basic_text): the password stays required. */
  readonly secure: boolean;
}

/** What the keychain opened, and whether it asks for it to be sealed again. */
export interface Unsealed {
  readonly plain: Uint8Array;
  /**
   * Sealed under a key or format the OS keychain has since replaced (Electron's
   * `shouldReEncrypt`): it still opens, but should be encrypted again and saved.
   */
  readonly stale: boolean;
}

/** The OS keychain (Electron safeStorage in the app). The CLI has none. */
export interface KeyProtector {
  info(): Promise<KeychainInfo>;
  encrypt(plain: Uint8Array): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<Unsealed>;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Non-secret preferences (electron-store in the app, conf in the CLI: the same JSON file). */
export interface SettingsStore<T extends Record<string, unknown> = Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Where a click on a notification takes the person: a screen, on one item. */
export type NoticeTarget =
  | { readonly screen: 'approvals'; readonly challengeId?: string }
  | { readonly screen: 'sessions'; readonly profileId: string };

export interface Notice {
  readonly title: string;
  readonly body: string;
  /** What a click on it opens (main brings the window forward there). */
  readonly target: NoticeTarget;
}

/** The system's notifications (Electron's Notification in main); the CLI has none. */
export interface Notifier {
  notify(notice: Notice): void;
}

/** The system clipboard (Electron's clipboard in main). Timing rules (clear after N seconds, on lock) live in core. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  /** The image on the clipboard as PNG bytes, or null when it holds none. */
  readImage(): Promise<Uint8Array | null>;
}

/**
 * The screens as pictures, for reading QR codes off them (Electron's desktopCapturer in main).
 * One PNG a screen; it throws SCREEN_CAPTURE_DENIED when the OS withholds permission, and
 * SCREEN_UNAVAILABLE when nothing could be captured (the person cancelled the system's picker).
 */
export interface ScreenCapture {
  capture(): Promise<readonly Uint8Array[]>;
}

/** A kind of file a dialog offers, e.g. { name: 'Images', extensions: ['png', 'jpg'] }. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * The OS file and folder pickers (Electron's dialog in the app, a scripted fake in tests).
 * Each settles with an absolute path, or null when the user cancels. The path stays in main:
 * the window learns at most the file's name, so it never reads a file of secrets itself.
 */
export interface Dialogs {
  openFile(options: { readonly title: string; readonly filters?: readonly FileFilter[] }): Promise<string | null>;
  saveFile(options: { readonly title: string; readonly defaultName: string; readonly filters?: readonly FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { readonly title: string }): Promise<string | null>;
}

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

/** The OS's view of the person at the computer, whatever app they use. */
export interface SystemIdle {
  /** Seconds since the last input to any app (keyboard, mouse). */
  readonly seconds: number;
  /** The screen is locked; false where the OS does not say. */
  readonly locked: boolean;
}

export interface PowerEvents {
  on(event: PowerEvent, listener: () => void): () => void;
  /** Asked now and then while the vault is open (auto-lock.ts); absent where the host cannot tell (the CLI). */
  systemIdle?(): SystemIdle;
}

/** What a question mid-operation is about, so a front end can word and place it. */
export interface PromptContext {
  /** Short: "TrueNAS nas.lan", "Weavr (alice@example.com)". */
  readonly subject: string;
  /** One sentence for the person: what is being asked and why. */
  readonly message: string;
}

/**
 * A question the user must answer in the middle of an operation (DESIGN §1): an OTP the vault
 * cannot supply, an SMS code, a certificate to trust. The window and the CLI each implement it.
 * Either method settles as declined (null or false) when `signal` aborts.
 */
export interface Prompt {
  /** A code the user types (OTP, SMS); null when they decline. */
  askCode(context: PromptContext & { readonly digits?: number }, signal: AbortSignal): Promise<string | null>;
  /** A yes/no decision (trust this certificate fingerprint? store this new seed?). */
  confirm(context: PromptContext & { readonly detail?: string }, signal: AbortSignal): Promise<boolean>;
}
