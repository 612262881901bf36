/**
 * Cooperative time slicing for long synchronous work on the server: the work
 * is a generator that yields at checkpoints, and the driver gives the event
 * loop back (setImmediate) whenever a slice has run for SLICE_MS, so other
 * requests are served between slices.
 */
export const SLICE_MS = 8;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a checkpointing generator to completion in slices of about `sliceMs`;
 * returns its result. Many short pieces of work in a row must share one
 * clock (`runSliced(work, clock)`): each alone is shorter than a slice, so
 * with a clock each they would never give the event loop back.
 */
export async function runSliced<T>(work: Generator<void, T>, clock: Slicer | number = SLICE_MS): Promise<T> {
  const c = typeof clock === "number" ? slicer(clock) : clock;
  for (;;) {
    const step = work.next();
    // checked after the last step too: a short text's scan never reaches a checkpoint
    if (c.due()) await c.pause();
    if (step.done) return step.value;
  }
}

export type Slicer = ReturnType<typeof slicer>;

/** A clock for loops that cannot be generators: `if (slicer.due()) await slicer.pause()`. */
export function slicer(sliceMs = SLICE_MS) {
  let sliceStart = performance.now();
  return {
    due: () => performance.now() - sliceStart >= sliceMs,
    async pause() {
      await yieldToEventLoop();
      sliceStart = performance.now();
    },
  };
}
