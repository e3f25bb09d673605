import { useCallback, useState, type ReactNode } from 'react';
import type { StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import { refOfKey, type BoardItem, type ItemKey } from '../../../../shared/model/placement';
import { messageOf, request } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { RetractDialog } from '../publishing';
import { headlineOf } from './card-facts';

/**
 * "Retract from the site…" in a published card's menu: finds where the story is live (the
 * records main keeps), then asks with the same confirmation as the Publish panel.
 */
export function useRetractFromBoard(items: ReadonlyMap<ItemKey, BoardItem>): { start(key: ItemKey): void; dialog: ReactNode } {
  const notify = useNotify();
  const [open, setOpen] = useState<{ articleId: string; video: boolean; headline: string; site: StoryOnSite } | null>(null);

  const start = useCallback(
    (key: ItemKey) => {
      // A video item's post is retracted like a story's: the records are kept by the item's id.
      const ref = refOfKey(key);
      const headline = headlineOf(items.get(key));
      void (async () => {
        try {
          const live = (await request('publish:onSites', { articleId: ref.id })).filter((site) => !site.retracted && site.kind !== 'ninjs');
          const first = live[0];
          if (!first) notify(`“${headline}” is not live on any site Newsdesk published it to.`);
          else setOpen({ articleId: ref.id, video: ref.kind === 'video', headline, site: first });
        } catch (cause) {
          notify(messageOf(cause), { tone: 'error' });
        }
      })();
    },
    [items, notify],
  );

  const dialog = open ? (
    <RetractDialog articleId={open.articleId} {...(open.video ? { itemKind: 'video' as const } : {})} headline={open.headline} site={open.site} onClose={() => setOpen(null)} />
  ) : null;
  return { start, dialog };
}
