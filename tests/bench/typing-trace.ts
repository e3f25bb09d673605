// The browser's own share of a keystroke, split by kind: the CPU profile shows it only as one
// "(program)" lump, so a Chromium performance trace (CDP Tracing, the DevTools timeline events)
// records the same typing and its style, layout and paint events are summed per name.
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The timeline events that make up the browser's rendering work, with the label printed for each. */
const RENDERING_EVENTS: Record<string, string> = {
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit to compositor',
  HitTest: 'hit test',
  UpdateLayer: 'update layer',
  ParseHTML: 'parse HTML',
  'Document::updateStyleAndLayout': 'forced style/layout (read by script)',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
};

/** Milliseconds per rendering step on the page's main thread, summed over a traced run. */
export type RenderingBreakdown = Map<string, number>;

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return text;
}

/** Traces the page while `type` runs and sums the main thread's rendering events by kind. */
export async function traceRendering(page: Page, type: () => Promise<void>): Promise<RenderingBreakdown> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'blink', '__metadata'], recordMode: 'recordAsMuchAsPossible' },
  });
  await type();
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const { traceEvents } = JSON.parse(await readStream(cdp, stream)) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  // The page's main thread: of the renderer threads Chromium names CrRendererMain (a spare
  // renderer may be running too), the one that did the most rendering work.
  const mains = new Set(traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const perThread = new Map<string, RenderingBreakdown>();
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    const label = RENDERING_EVENTS[event.name];
    if (!mains.has(thread) || label === undefined || event.ph !== 'X' || event.dur === undefined) continue;
    const totals = perThread.get(thread) ?? new Map<string, number>();
    perThread.set(thread, totals);
    totals.set(label, (totals.get(label) ?? 0) + event.dur / 1000);
  }
  const sum = (totals: RenderingBreakdown) => [...totals.values()].reduce((a, b) => a + b, 0);
  const totals = [...perThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? new Map<string, number>();
  return totals;
}

export function printRendering(label: string, breakdown: RenderingBreakdown, keystrokes: number): void {
  console.log(`  ${label}: browser rendering per keystroke (performance trace; forced style/layout overlaps the others)`);
  for (const [step, total] of [...breakdown.entries()].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${step.padEnd(58)} ${`${(total / keystrokes).toFixed(3)} ms`.padStart(10)}`);
  }
}
