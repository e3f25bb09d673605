/** Someone in the story, as the presence bar shows them. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  /** The metadata field they are in (its label), or 'body', or null when they are not editing. */
  field: string | null;
  self: boolean;
}

/** Colours that read on both themes and stay apart from the app's own accent and error colours. */
const COLORS = ['#d9480f', '#2b8a3e', '#1971c2', '#9c36b5', '#c2255c', '#0c8599', '#5f3dc4', '#e67700'];

export function colorFor(clientId: number): string {
  return COLORS[clientId % COLORS.length]!;
}

/** "This Mac", "This PC" or "This computer", as the person would call the machine. */
export function machineName(userAgent: string): string {
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'This Mac';
  if (/Windows/.test(userAgent)) return 'This PC';
  return 'This computer';
}

export function windowName(machine: string, index: number): string {
  return `${machine} – window ${index}`;
}

/** When an editor joined the story, and its client id to break ties: earlier editors keep their number. */
export interface Arrival {
  joinedAt: number;
  clientId: number;
}

const before = (a: Arrival, b: Arrival) => a.joinedAt < b.joinedAt || (a.joinedAt === b.joinedAt && a.clientId < b.clientId);

/**
 * The window number for this editor's default name: the lowest not taken by an editor that joined
 * before it, so the window opened second becomes "window 2" and two windows settle on different
 * numbers without asking each other twice.
 */
export function windowIndex(machine: string, self: Arrival, others: (Arrival & { name: unknown })[]): number {
  const taken = new Set(others.filter((other) => before(other, self)).map((other) => other.name));
  let index = 1;
  while (taken.has(windowName(machine, index))) index += 1;
  return index;
}

/** The awareness states as people: this editor first, then the others by name. */
export function peopleOf(states: Map<number, Record<string, unknown>>, selfId: number): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of states) {
    if (typeof state.name !== 'string' || state.name === '') continue;
    const field = typeof state.field === 'string' ? state.field : state.focusing === true ? 'body' : null;
    people.push({ clientId, name: state.name, color: typeof state.color === 'string' ? state.color : colorFor(clientId), field, self: clientId === selfId });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}
