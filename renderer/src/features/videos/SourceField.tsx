import { useId } from 'react';
import { describeSource, type SourceReading } from './video-draft';

interface SourceFieldProps {
  value: string;
  reading: SourceReading;
  onChange(value: string): void;
}

/**
 * The player: a video's https address or the embed code a video site gives. Under it, what was
 * understood, in words and as plain text: the pasted HTML is never rendered here, and only the
 * player's address, size and title are kept.
 */
export function SourceField({ value, reading, onChange }: SourceFieldProps) {
  const id = useId();
  const noteId = useId();
  let note;
  if (!reading.ok) {
    note = (
      <p className="nd-field-error" id={noteId} role="alert">
        {reading.message}
      </p>
    );
  } else if (reading.source) {
    const { summary, address } = describeSource(reading.source);
    const title = reading.source.kind === 'embed' ? reading.source.title : '';
    note = (
      <div className="nd-player-field__understood" id={noteId} data-testid="video-source-understood">
        <span className="nd-player-field__summary">{summary}</span>
        {title && <span className="nd-player-field__title">“{title}”</span>}
        <code className="nd-player-field__address">{address}</code>
      </div>
    );
  } else {
    note = (
      <p className="nd-field__hint" id={noteId}>
        Paste the video’s https address, or the embed code from the video site’s “Share → Embed”. Only the player’s address, size and title are kept.
      </p>
    );
  }
  return (
    <div className="nd-field nd-player-field">
      <label className="nd-field__label" htmlFor={id}>
        Video URL or embed code
      </label>
      <textarea
        id={id}
        className="nd-input nd-input--mono"
        rows={3}
        spellCheck={false}
        maxLength={20_000}
        value={value}
        aria-invalid={!reading.ok}
        aria-describedby={noteId}
        placeholder={'https://www.youtube.com/watch?v=…  or  <iframe src="https://…"></iframe>'}
        onChange={(event) => onChange(event.target.value)}
      />
      {note}
    </div>
  );
}
