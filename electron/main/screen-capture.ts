// Runs in: main. The ScreenCapture port (core/platform/ports.ts) over desktopCapturer: one PNG
// a screen at the screen's own pixels, so a small QR code stays readable. Decoding is core's.
//
// Note (Wayland): Electron 45 captures through xdg-desktop-portal and PipeWire there by itself
// (Chromium's WebRTCPipeWireCapturer has been on by default since Chromium 110, and the switch
// expired in 120, so appending it would do nothing): the system asks the person which screen to
// share, getSources rejects when they cancel, and returns nothing when the portal is missing;
// both become SCREEN_UNAVAILABLE in words (here, and in core/app/staging.ts).
//
// Note (hidden while capturing): the person clicks "Scan the screen" in Authdesk's own window,
// which would otherwise cover the code they want read; the window steps aside for the capture
// and comes back with the preview.
import type { BrowserWindow } from 'electron';
import { desktopCapturer, screen, systemPreferences } from 'electron';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthdeskError } from '../core/errors.ts';
import type { ScreenCapture } from '../core/platform/ports.ts';

// Long enough for the compositor to repaint what the hidden window covered.
const REPAINT_MS = 250;

function pixelSize(): { width: number; height: number } {
  const displays = screen.getAllDisplays();
  return {
    width: Math.max(0, ...displays.map((d) => Math.round(d.size.width * d.scaleFactor))),
    height: Math.max(0, ...displays.map((d) => Math.round(d.size.height * d.scaleFactor))),
  };
}

const NOT_ALLOWED = ['denied', 'restricted'];

function notAllowed(): AuthdeskError {
  return new AuthdeskError(
    'SCREEN_CAPTURE_DENIED',
    'Authdesk may not see your screen. Allow it in System Settings → Privacy & Security → Screen Recording, quit and reopen Authdesk, then scan again.',
  );
}

async function captureScreens(platform: NodeJS.Platform): Promise<Uint8Array[]> {
  // Note (macOS permission): macOS asks the person itself on the first capture (not-determined)
  // and answers that capture with the wallpaper alone; what they allow counts from the next
  // launch. So a refusal, or a first capture that was not allowed, is said in words, not
  // reported as "no QR code found".
  const before = platform === 'darwin' ? systemPreferences.getMediaAccessStatus('screen') : 'granted';
  if (NOT_ALLOWED.includes(before)) throw notAllowed();
  let sources;
  try {
    sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: pixelSize() });
  } catch (error) {
    throw new AuthdeskError('SCREEN_UNAVAILABLE', 'The screen was not shared with Authdesk. Scan again and choose a screen when the system asks, or save a screenshot and choose it as a picture.', {
      cause: error,
    });
  }
  if (before === 'not-determined' && systemPreferences.getMediaAccessStatus('screen') !== 'granted') throw notAllowed();
  return sources.filter((source) => !source.thumbnail.isEmpty()).map((source) => new Uint8Array(source.thumbnail.toPNG()));
}

export function electronScreenCapture(window: () => BrowserWindow | null, platform: NodeJS.Platform = process.platform): ScreenCapture {
  return {
    async capture() {
      const shown = window();
      const stepAside = shown !== null && shown.isVisible();
      if (stepAside) {
        shown.hide();
        await sleep(REPAINT_MS);
      }
      try {
        return await captureScreens(platform);
      } finally {
        if (stepAside && !shown.isDestroyed()) {
          shown.show();
          shown.focus();
        }
      }
    },
  };
}
