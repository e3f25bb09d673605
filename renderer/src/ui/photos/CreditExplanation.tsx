import type { BuiltCredit, CreditPartOrigin } from '../../../../shared/rules/credit';

export const CREDIT_ORIGIN_LABELS: Record<CreditPartOrigin, string> = {
  creator: 'Creator',
  creditLine: 'Credit line',
  source: 'Source',
  style: 'House style',
};

const RULE_NOTES: Record<BuiltCredit['rule'], string> = {
  agency: "Built with this agency's own pattern.",
  handout: 'Built with the handout pattern.',
  standard: 'Built with the house pattern.',
  'creator-only': 'The file names no credit line or source, so the creator stands alone.',
  'agency-only': 'The file names no creator, so the agency stands alone.',
  none: 'The file names no creator, credit line or source.',
};

interface CreditExplanationProps {
  credit: BuiltCredit;
  /** Leaves out the sentence about the rule, where space is short (the style dialog's examples). */
  compact?: boolean;
}

/**
 * Shows where each part of a house-style credit came from: the creator, the credit line or source
 * read from the file, or text the house pattern adds. Sits under a credit field, so the editor can
 * tell whether to fix the photo's metadata or the desk's style.
 */
export function CreditExplanation({ credit, compact = false }: CreditExplanationProps) {
  const note = compact ? null : <p className="nd-credit-explanation__note">{RULE_NOTES[credit.rule]}</p>;
  if (credit.parts.length === 0) {
    return (
      <div className="nd-credit-explanation" data-testid="credit-explanation" data-rule={credit.rule}>
        {note ?? <p className="nd-credit-explanation__note">No credit</p>}
      </div>
    );
  }
  return (
    <div className="nd-credit-explanation" data-testid="credit-explanation" data-rule={credit.rule}>
      <ol className="nd-credit-explanation__parts" aria-label="Where the credit came from">
        {credit.parts.map((part, index) => (
          <li
            // Parts never reorder; the same text may appear twice ("/"), so the index keys them.
            key={index}
            className={`nd-credit-part nd-credit-part--${part.from}`}
            data-from={part.from}
            title={`${CREDIT_ORIGIN_LABELS[part.from]}: “${part.text}”`}
          >
            <span className="nd-credit-part__text">{part.text}</span>
            <span className="nd-credit-part__origin">{CREDIT_ORIGIN_LABELS[part.from]}</span>
          </li>
        ))}
      </ol>
      {note}
    </div>
  );
}
