import { startTransition, useEffect, useState } from 'react';

/** No budget row is shorter than this (one line of text and its padding). */
const SHORTEST_ROW_PX = 34;

/**
 * How many rows the budget shows in its first frame: as many as the window can hold, far fewer
 * than a day of hundreds. Rendering all 500 rows of a busy day in one go took a loaded machine
 * 300+ ms of React and layout before anything showed.
 */
export function firstScreenRows(): number {
  return Math.max(10, Math.ceil(window.innerHeight / SHORTEST_ROW_PX));
}

/** In a window that paints no frames (hidden, minimised), the rest still comes within this. */
const NO_PAINT_FALLBACK_MS = 100;

/** Calls `next` once the frame being prepared has been painted (a frame, then a task after it). */
function afterPaint(next: () => void): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    next();
  };
  const timer = setTimeout(run, NO_PAINT_FALLBACK_MS);
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
  return () => {
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}

/**
 * The number of rows to render (`limit`) and how many fill the first screen: the first screen's worth when a list of `total` rows first shows
 * (again when `view` changes, e.g. another day), then every row as a transition once that frame is
 * painted. React renders the transition in slices between which the page stays responsive, and
 * every row ends up in the page, so find-in-page, Tab and screen readers reach all of them.
 */
export function useStagedRows(total: number, view: string): { limit: number; firstScreen: number } {
  const [firstScreen] = useState(firstScreenRows);
  const [stage, setStage] = useState({ view, limit: firstScreen });
  let limit = stage.limit;
  if (stage.view !== view) {
    // A new view starts with its first screen again (state adjusted during render, as React advises).
    limit = firstScreen;
    setStage({ view, limit });
  }
  const waiting = total > limit;

  useEffect(() => {
    if (!waiting) return undefined;
    return afterPaint(() => startTransition(() => setStage({ view, limit: Number.POSITIVE_INFINITY })));
  }, [waiting, view]);

  return { limit, firstScreen };
}
