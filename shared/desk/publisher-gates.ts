/**
 * What only a desk's publishers may do to a desk story beside publishing it: take it off a site
 * (retract, back to a draft or to the trash), replace it with a kill notice, send it to a site as a
 * draft, and change when it goes live (schedule, embargo, expiry). Main refuses these with the
 * sentence below and the window shows the same sentence beside the disabled control, so the two
 * never disagree.
 */
export type PublisherAction = 'retract' | 'kill' | 'schedule' | 'draft';

const ACTION_WORDS: Record<PublisherAction, string> = {
  retract: 'retract a desk story or send it back to a draft on a site',
  kill: 'replace a desk story on a site with a kill notice',
  schedule: 'change when a desk story goes live (schedule, embargo or expiry)',
  draft: 'send a desk story to a site as a draft',
};

export function publisherOnly(action: PublisherAction): string {
  return `Only a publisher may ${ACTION_WORDS[action]}. Nothing was changed; ask a publisher on the desk.`;
}
