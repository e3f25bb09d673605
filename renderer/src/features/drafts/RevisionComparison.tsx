import { useMemo } from 'react';
import type { Article } from '../../../../shared/model/article';
import { compareRevisions } from '../../../../shared/rules/revision-compare';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * What changed from a revision to the current text, readable at a glance: a summary line, the
 * changed fields with before and after, then the text with added words marked in green and
 * removed words struck through in red.
 */
export function RevisionComparison({ revision, current }: { revision: Article; current: Article }) {
  const comparison = useMemo(() => compareRevisions(revision, current), [revision, current]);
  const unchanged = comparison.wordsAdded === 0 && comparison.wordsRemoved === 0 && comparison.fields.length === 0;
  return (
    <div className="nd-compare" data-testid="revision-compare">
      <p className="nd-compare__summary" data-testid="compare-summary">
        {unchanged
          ? 'No changes since this revision.'
          : `Since this revision: ${plural(comparison.wordsAdded, 'word')} added, ${plural(comparison.wordsRemoved, 'word')} removed` +
            (comparison.fields.length > 0 ? `, ${plural(comparison.fields.length, 'field')} changed.` : '.')}
      </p>
      {comparison.fields.length > 0 && (
        <table className="nd-compare__fields" aria-label="Changed fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">This revision</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {comparison.fields.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.before || '—'}</td>
                <td>{change.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="nd-compare__text" aria-label="Text changes">
        {comparison.runs.map((run, index) =>
          run.kind === 'added' ? (
            <ins key={index} className="nd-compare__added">{run.text}</ins>
          ) : run.kind === 'removed' ? (
            <del key={index} className="nd-compare__removed">{run.text}</del>
          ) : (
            <span key={index}>{run.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
