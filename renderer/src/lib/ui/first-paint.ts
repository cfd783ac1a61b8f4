// Runs in: renderer.
//
// Note (first paint first): work the window's first frame does not need (the rows beyond the
// screen, brand icons, pictures, the whole account list) waits until that frame is on screen.
// Started sooner, it shares the CPU with the frame's rasterising and delays it, which a
// two-core laptop shows (test/bench/renderer.bench.ts, renderer.first-codes). The signal is
// the page's first contentful paint, reported once it was presented; a window that is never
// drawn (hidden from the start) gets the work after FALLBACK_MS all the same.
const FALLBACK_MS = 1000;

const painted = new Promise<void>((resolve) => {
  const observer = new PerformanceObserver(() => {
    observer.disconnect();
    resolve();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(resolve, FALLBACK_MS);
});

/** Runs `work` once the first frame is on screen (at once, from then on). */
export function afterFirstPaint(work: () => void): void {
  void painted.then(work);
}
