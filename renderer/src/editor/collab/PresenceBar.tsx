import { useSyncExternalStore } from 'react';
import type { Person } from './presence';
import type { StoryLink } from './story-link';

const FIELD_LABELS: Record<string, string> = { body: 'the text' };

function where(person: Person): string {
  if (!person.field) return person.self ? 'you' : 'here';
  const field = FIELD_LABELS[person.field] ?? person.field.toLowerCase();
  return person.self ? `you, in ${field}` : `in ${field}`;
}

/**
 * Who is in the story now and where: one chip per editor (this window's first), in their cursor
 * colour. Shown only while someone else is in it; alone, the bar would only say "you".
 */
export function PresenceBar({ link }: { link: StoryLink }) {
  // The awareness states change on every remote cursor move; the list is rebuilt only then.
  const key = useSyncExternalStore(link.onPeople, () => peopleKey(link.people()));
  const people: Person[] = key === '' ? [] : (JSON.parse(key) as Person[]);
  if (people.filter((person) => !person.self).length === 0) return null;
  return (
    <div className="nd-presence" role="status" aria-label="Who is in this story" data-testid="presence-bar">
      {people.map((person) => (
        <span key={person.clientId} className="nd-presence__person" data-self={person.self || undefined} style={{ borderColor: person.color }}>
          <span className="nd-presence__dot" style={{ background: person.color }} aria-hidden />
          <span className="nd-presence__name">{person.name}</span>
          <span className="nd-presence__where">{where(person)}</span>
        </span>
      ))}
    </div>
  );
}

/** A stable snapshot for useSyncExternalStore (a fresh array each call would re-render forever). */
function peopleKey(people: Person[]): string {
  return people.length === 0 ? '' : JSON.stringify(people);
}
