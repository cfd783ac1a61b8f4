// Runs in: main (no Electron import: tested alone).
//
// Where the palette opens: centred on the work area (the display less its panels and docks)
// of the display the pointer is on, so it appears where the user is looking; on a screen
// smaller than the palette it takes the whole work area.

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const PALETTE_SIZE = { width: 600, height: 400 } as const;

export function paletteBounds(workArea: Area): Area {
  const width = Math.min(PALETTE_SIZE.width, workArea.width);
  const height = Math.min(PALETTE_SIZE.height, workArea.height);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}
