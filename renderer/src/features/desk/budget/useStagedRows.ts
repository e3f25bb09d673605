import { startTransition, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A budget row as most of a day's are (headline, slug, length bar): the first guess at how many
 * rows fill the window. Too many costs the first frame their style, layout and paint; too few costs
 * one more layout of the rows the window still has room for (measured, then added before painting).
 */
const TYPICAL_ROW_PX = 60;

/** How many rows the budget renders first, before measuring whether they fill the window. */
export function firstGuessRows(windowHeight: number): number {
  return Math.max(8, Math.ceil(windowHeight / TYPICAL_ROW_PX));
}

/**
 * How many more rows the window has room for below the last one rendered: none when the rows
 * reach the bottom of what is visible (or nothing is: a hidden or zero-sized window), otherwise
 * the empty height over the rows' measured average height, and one more for a section heading.
 */
export function rowsStillFitting(rowsTop: number, lastRowBottom: number, visibleBottom: number, rowCount: number): number {
  if (rowCount === 0 || lastRowBottom >= visibleBottom || visibleBottom <= rowsTop) return 0;
  const average = Math.max(1, (lastRowBottom - rowsTop) / rowCount);
  return Math.ceil((visibleBottom - lastRowBottom) / average) + 1;
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

interface Stage {
  view: string;
  /** Rows rendered; infinite once the whole list is. */
  limit: number;
  /** Rows of the first frame: laid out and painted with it, the rest only when scrolled to. */
  firstScreen: number;
}

/**
 * The number of rows to render (`limit`) and how many fill the first screen. When a list of
 * `total` rows first shows (again when `view` changes, e.g. another day) it renders about a
 * window's worth, measures them in `container` before the frame is painted and adds rows until
 * the window is full; once that frame is painted, every row follows as a transition. React renders
 * the transition in slices between which the page stays responsive, and every row ends up in the
 * page, so find-in-page, Tab and screen readers reach all of them.
 * `rowSelector` finds the rows in `container`.
 */
export function useStagedRows(total: number, view: string, container: RefObject<HTMLElement | null>, rowSelector: string): { limit: number; firstScreen: number } {
  const [stage, setStage] = useState<Stage>(() => {
    const first = firstGuessRows(window.innerHeight);
    return { view, limit: first, firstScreen: first };
  });
  let current = stage;
  if (stage.view !== view) {
    // A new view starts with its first screen again (state adjusted during render, as React advises).
    const first = firstGuessRows(window.innerHeight);
    current = { view, limit: first, firstScreen: first };
    setStage(current);
  }
  const { limit, firstScreen } = current;
  const waiting = total > limit;

  // Before the frame is painted: rows the window still has room for are added (a synchronous
  // render), so the first frame is full without laying out rows far below it.
  useLayoutEffect(() => {
    const box = container.current;
    if (!waiting || !box) return;
    const rows = box.querySelectorAll(rowSelector);
    const firstRow = rows[0];
    const lastRow = rows[rows.length - 1];
    if (!firstRow || !lastRow) return;
    const visibleBottom = Math.min(box.getBoundingClientRect().bottom, window.innerHeight);
    const more = rowsStillFitting(firstRow.getBoundingClientRect().top, lastRow.getBoundingClientRect().bottom, visibleBottom, rows.length);
    if (more > 0) setStage((was) => (Number.isFinite(was.limit) ? { ...was, limit: was.limit + more, firstScreen: was.limit + more } : was));
  }, [waiting, limit, view, total, container, rowSelector]);

  useEffect(() => {
    if (!waiting) return undefined;
    return afterPaint(() => startTransition(() => setStage((was) => ({ ...was, view, limit: Number.POSITIVE_INFINITY }))));
  }, [waiting, view]);

  return { limit, firstScreen };
}
