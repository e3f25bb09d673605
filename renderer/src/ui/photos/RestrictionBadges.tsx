import type { Restriction } from '../../../../shared/rules/rights';
import { Icon } from '../components/Icon';

/** Usage restrictions found in a photo's metadata, as badges; the sentence they came from is the tooltip. */
export function RestrictionBadges({ restrictions }: { restrictions: readonly Restriction[] }) {
  if (restrictions.length === 0) return null;
  return (
    <ul className="nd-restrictions" aria-label="Usage restrictions" data-testid="restrictions">
      {restrictions.map((restriction, index) => (
        <li key={`${restriction.kind}-${index}`} className={`nd-restriction nd-restriction--${restriction.kind}`} title={restriction.detail}>
          <Icon name="warning" size={13} />
          {restriction.label}
        </li>
      ))}
    </ul>
  );
}
