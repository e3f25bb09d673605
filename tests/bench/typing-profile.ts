// Where a keystroke's time goes: Chromium's sampling profiler (CDP Profiler) records the page while
// it is typed into, and every sample is charged to whoever owns it, through the build's source maps.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of main-thread time per owner, summed over a profiled run. */
export type Breakdown = Map<string, number>;

export const LEXICAL = 'Lexical';
/** What each Lexical package does on a keystroke, for the breakdown. */
const LEXICAL_PACKAGES: Record<string, string> = {
  lexical: 'core: update, transforms, reconciliation',
  markdown: 'Markdown shortcuts',
  history: 'history (undo)',
  react: 'React bindings',
  'rich-text': 'rich text',
  list: 'lists',
  link: 'links',
  utils: 'utils',
};
export const BROWSER = 'Browser: input, style, layout, paint';
export const GC = 'Garbage collection';
export const REACT = 'React (rendering our components)';

/** Reads the source maps of the bundles a served build holds, on demand, one per script URL. */
function sourceMaps(outDir: string) {
  const cache = new Map<string, SourceMapConsumer | null>();
  return async (url: string): Promise<SourceMapConsumer | null> => {
    if (cache.has(url)) return cache.get(url) ?? null;
    let consumer: SourceMapConsumer | null = null;
    try {
      const path = new URL(url).pathname;
      const raw = JSON.parse(await readFile(join(outDir, `${path}.map`), 'utf8')) as ConstructorParameters<typeof SourceMapConsumer>[0];
      consumer = new SourceMapConsumer(raw);
    } catch {
      consumer = null; // not one of the build's scripts (the bench's own listener, an extension)
    }
    cache.set(url, consumer);
    return consumer;
  };
}

/** The owner of one source file: one of our modules by its path, else the library it is in. */
function ownerOfSource(source: string): string | null {
  const ours = /(?:^|\/)(renderer\/src|tests\/bench)\/(.*)$/.exec(source);
  if (ours && !source.includes('node_modules')) return ours[1] === 'tests/bench' ? null : `ours: ${ours[2]}`;
  const lexical = /node_modules\/(?:(lexical)|@lexical\/([^/]+))\//.exec(source);
  if (lexical) {
    const pkg = lexical[1] ?? lexical[2]!;
    return `${LEXICAL}: ${LEXICAL_PACKAGES[pkg] ?? `@lexical/${pkg}`}`;
  }
  if (/node_modules\/(react-dom|scheduler|react)\//.test(source)) return REACT;
  return null;
}

/**
 * Charges each sample to the outermost of our modules on its stack (our listener, transform or
 * component, including the Lexical or React calls it makes), else to the library the sampled
 * function is in, else to the browser's own work. So Lexical's reconciliation is Lexical's, and
 * our update listener that reads the state is ours.
 */
async function attribute(profile: Profile, outDir: string): Promise<Breakdown> {
  const mapFor = sourceMaps(outDir);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frameOwner = new Map<number, string | null>();
  const ownerOfFrame = async (node: ProfileNode): Promise<string | null> => {
    if (frameOwner.has(node.id)) return frameOwner.get(node.id) ?? null;
    const { url, lineNumber, columnNumber } = node.callFrame;
    let owner: string | null = null;
    const map = url ? await mapFor(url) : null;
    if (map) {
      const position = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      owner = position.source ? ownerOfSource(position.source) : null;
    }
    frameOwner.set(node.id, owner);
    return owner;
  };
  const nodeOwner = new Map<number, string | null>();
  const ownerOfNode = async (id: number): Promise<string | null> => {
    if (nodeOwner.has(id)) return nodeOwner.get(id) ?? null;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let owner: string | null;
    if (name === '(idle)' || name === '(root)') owner = null;
    else if (name === '(program)') owner = BROWSER;
    else if (name === '(garbage collector)') owner = GC;
    else {
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!);
      owner = null;
      for (const frame of stack) {
        const frameIsOurs = (await ownerOfFrame(frame))?.startsWith('ours: ');
        if (frameIsOurs) {
          owner = await ownerOfFrame(frame);
          break;
        }
      }
      owner ??= (await ownerOfFrame(node)) ?? 'Other script (the bench’s probe, injected scripts)';
    }
    nodeOwner.set(id, owner);
    return owner;
  };
  const totals: Breakdown = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const owner = await ownerOfNode(profile.samples[i]!);
    // timeDeltas[i + 1] is how long the sampled stack ran until the next sample.
    const micros = profile.timeDeltas[i + 1] ?? 0;
    if (owner !== null) totals.set(owner, (totals.get(owner) ?? 0) + micros / 1000);
  }
  return totals;
}

/** Profiles the page while `type` runs and returns main-thread milliseconds per owner. */
export async function profileTyping(page: Page, outDir: string, type: () => Promise<void>): Promise<Breakdown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await type();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return attribute(profile, outDir);
}

/** Prints the breakdown per keystroke: Lexical's own work (per package), ours (per module, and React), the browser. */
export function printBreakdown(label: string, breakdown: Breakdown, keystrokes: number): void {
  const perKey = (total: number) => `${(total / keystrokes).toFixed(3)} ms`;
  const entries = [...breakdown.entries()].sort((a, b) => b[1] - a[1]);
  const groups: [string, (owner: string) => boolean][] = [
    ['Lexical (update, reconciliation, its plugins)', (owner) => owner.startsWith(`${LEXICAL}: `)],
    ['Newsdesk (our listeners, plugins, components + React)', (owner) => owner.startsWith('ours: ') || owner === REACT],
  ];
  console.log(`  ${label}: main-thread CPU per keystroke (sampled profile, ${keystrokes} keys; includes work deferred to idle time)`);
  for (const [name, member] of groups) {
    const members = entries.filter(([owner]) => member(owner));
    console.log(`    ${name.padEnd(58)} ${perKey(members.reduce((sum, [, t]) => sum + t, 0)).padStart(10)}`);
    for (const [owner, total] of members) console.log(`      ${owner.replace(`${LEXICAL}: `, '').padEnd(56)} ${perKey(total).padStart(10)}`);
  }
  for (const [owner, total] of entries) if (!groups.some(([, member]) => member(owner))) console.log(`    ${owner.padEnd(58)} ${perKey(total).padStart(10)}`);
}
