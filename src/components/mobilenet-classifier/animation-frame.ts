/**
 * Resolves at the next animation frame, or after `fallbackMs` when no frame comes: a hidden tab
 * paints nothing, and what waits on this (the element's `updateComplete`) must still settle there.
 */
export function nextAnimationFrame(fallbackMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, fallbackMs);
  });
}
