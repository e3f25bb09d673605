// The main thread's work per keystroke by kind, from a Chromium performance trace (CDP Tracing,
// the DevTools timeline events): the CPU profile shows the browser's own work only as one
// "(program)" lump, the trace splits it into style, layout and paint. Figures are the thread's CPU
// time (the events' tdur), not wall time, so other processes on a loaded machine inflate them less.
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  ts?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Every task the main thread ran: the total its kinds below are part of. */
export const ALL_TASKS = 'all main-thread tasks';

/** The timeline events summed, with the label printed for each. Script kinds hold the rendering a script forced. */
const EVENTS: Record<string, string> = {
  RunTask: ALL_TASKS,
  EventDispatch: 'script: input events (Lexical, React, our listeners)',
  FunctionCall: 'script: timers, frames, idle callbacks, messages',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit to compositor',
  HitTest: 'hit test',
};

/** CPU milliseconds per kind of work on the page's main thread, summed over a traced run. */
export type TaskBreakdown = Map<string, number>;

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

/** Traces the page while `type` runs and sums the main thread's events by kind. */
export async function traceTasks(page: Page, type: () => Promise<void>): Promise<TaskBreakdown> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'], recordMode: 'recordAsMuchAsPossible' },
  });
  await type();
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const { traceEvents } = JSON.parse(await readStream(cdp, await complete)) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  // The page's main thread: of the renderer threads Chromium names CrRendererMain (a spare
  // renderer may be running too), the one that ran the most.
  const mains = new Set(traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const perThread = new Map<string, TaskBreakdown>();
  // An event of a kind inside another of the same kind (an input event dispatched from a keydown
  // handler) is counted with the outer one, not twice.
  const outerEnds = new Map<string, number>();
  for (const event of [...traceEvents].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) {
    const thread = `${event.pid}:${event.tid}`;
    const label = EVENTS[event.name];
    const micros = event.tdur ?? event.dur;
    if (!mains.has(thread) || label === undefined || event.ph !== 'X' || micros === undefined || event.ts === undefined) continue;
    const kind = `${thread}:${event.name}`;
    if (event.ts < (outerEnds.get(kind) ?? -Infinity)) continue;
    outerEnds.set(kind, event.ts + (event.dur ?? 0));
    const totals = perThread.get(thread) ?? new Map<string, number>();
    perThread.set(thread, totals);
    totals.set(label, (totals.get(label) ?? 0) + micros / 1000);
  }
  const all = (totals: TaskBreakdown) => totals.get(ALL_TASKS) ?? 0;
  return [...perThread.values()].sort((a, b) => all(b) - all(a))[0] ?? new Map<string, number>();
}

/** Prints the breakdown per keystroke, each kind next to the baseline's (the first editor's) as a ratio. */
export function printTasks(label: string, breakdown: TaskBreakdown, baseline: TaskBreakdown, keystrokes: number): void {
  console.log(`  ${label}: main-thread CPU per keystroke by kind (performance trace; script kinds include the layout they force)`);
  for (const kind of new Set(Object.values(EVENTS))) {
    const total = breakdown.get(kind);
    if (total === undefined) continue;
    const base = baseline.get(kind);
    const ratio = base && breakdown !== baseline ? `${(total / base).toFixed(2)}× bare` : '';
    console.log(`    ${kind.padEnd(58)} ${`${(total / keystrokes).toFixed(3)} ms`.padStart(10)}  ${ratio}`);
  }
}
