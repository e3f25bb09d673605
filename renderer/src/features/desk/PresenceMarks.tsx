import type { StoryPresence } from '../../../../shared/model/desk';
import { initialsInk, initialsOf, presenceColor } from './presence-marks';

/** At most this many marks side by side; the rest are counted ("+3"). */
const SHOWN = 3;

function describe(person: StoryPresence['people'][number]): string {
  return person.field ? `${person.name} (editing ${person.field})` : person.name;
}

/** Who is in a story now, as coloured initials; the full names are read out and shown on hover. */
export function PresenceMarks({ people }: { people: StoryPresence['people'] }) {
  if (people.length === 0) return null;
  const names = people.map(describe).join(', ');
  const extra = people.length - SHOWN;
  return (
    <span className="nd-presence" role="img" aria-label={`In this story now: ${names}`} title={`In this story now: ${names}`} data-testid="presence-marks">
      {people.slice(0, SHOWN).map((person, index) => {
        const color = presenceColor(person.color);
        return (
          <span key={`${person.name}-${index}`} className="nd-presence__mark" style={{ backgroundColor: color, color: initialsInk(color) }} aria-hidden="true">
            {initialsOf(person.name)}
          </span>
        );
      })}
      {extra > 0 && (
        <span className="nd-presence__mark nd-presence__mark--more" aria-hidden="true">
          +{extra}
        </span>
      )}
    </span>
  );
}

/** The "Shared" mark of a story that is on the desk. */
export function SharedMark() {
  return (
    <span className="nd-shared-mark" title="On the desk: shared with everyone on it" data-testid="shared-mark">
      Shared
    </span>
  );
}
