// Runs in: tests (Node, driving Chromium).
//
// Drops a file on the window as a user dragging it from their file manager does: dragover then
// drop, with a DataTransfer holding a File of these bytes. Chromium builds both events.
import type { Page } from 'playwright-core';

export async function dropFile(page: Page, name: string, bytes: Uint8Array, type = ''): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, base64, mime]) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName, { type: mime }));
      return transfer;
    },
    [name, Buffer.from(bytes).toString('base64'), type] as const,
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}
