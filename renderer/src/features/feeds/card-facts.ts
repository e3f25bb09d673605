import type { BoardItem, BoardStatus, Placement } from '../../../../shared/model/placement';
import { goLiveAt } from '../../../../shared/rules/placement';
import { formatFull, formatUpdated } from '../../ui/time';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const shortDateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "in 20 minutes", "in 3 hours", then "14 May, 09:30": how soon something happens. */
export function formatAhead(at: number, now: number): string {
  const minutes = Math.round((at - now) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 12) return relative.format(hours, 'hour');
  return shortDateTime.format(new Date(at));
}

export function headlineOf(item: Pick<BoardItem, 'headline'> | undefined): string {
  return item?.headline.trim() || 'Untitled';
}

/** The card's time line: when it goes live, went live, expires, or was last changed. */
export function cardTime(status: BoardStatus, placement: Placement, item: BoardItem | undefined, now: number): { text: string } {
  switch (status) {
    case 'scheduled':
      return { text: `Goes live ${formatAhead(goLiveAt(placement, now), now)}` };
    case 'published':
      // The chip already says "Published": the line says when.
      return { text: placement.publishedAt ? formatUpdated(placement.publishedAt, now) : '' };
    case 'expired':
      return { text: `Expired ${placement.expiresAt ? formatUpdated(placement.expiresAt, now) : ''}`.trim() };
    default:
      if (placement.expiresAt) return { text: `Expires ${formatAhead(Date.parse(placement.expiresAt), now)}` };
      return { text: item ? `Updated ${formatUpdated(item.updatedAt, now)}` : '' };
  }
}

/** The time line's tooltip: the whole timing spelled out. */
export function cardTimeTitle(placement: Placement, item: BoardItem | undefined): string {
  const details: string[] = [];
  if (placement.publish.mode === 'scheduled') details.push(`Publish at ${formatFull(placement.publish.at)}`);
  if (placement.embargoUntil) details.push(`Embargo until ${formatFull(placement.embargoUntil)}`);
  if (placement.expiresAt) details.push(`Expires ${formatFull(placement.expiresAt)}`);
  if (placement.publishedAt) details.push(`Published ${formatFull(placement.publishedAt)}`);
  if (item) details.push(`Last changed ${formatFull(item.updatedAt)}`);
  return details.join('\n');
}
