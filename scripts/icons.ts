// Runs in: development (`node scripts/icons.ts`). Rasterises build/icon.svg into the PNGs
// electron-builder packs: build/icon.png (1024×1024, from which it makes the macOS .icns and
// the Windows .ico) and build/icons/NxN.png (Linux's hicolor sizes; 512×512 is also the
// window's icon, electron/main/window/window-icon.ts). Run it after changing the SVG and
// commit the PNGs; Chromium draws them (CHROMIUM_PATH, by default /usr/bin/chromium).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const build = join(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const svg = await readFile(join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const render = async (size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  await writeFile(join(build, 'icon.png'), await render(1024));
  await mkdir(join(build, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) await writeFile(join(build, 'icons', `${size}x${size}.png`), await render(size));
} finally {
  await browser.close();
}
