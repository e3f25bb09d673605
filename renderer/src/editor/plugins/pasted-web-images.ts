import type { Photo } from '../../../../shared/model/photo';
import { call } from '../../api/newsdesk';
import type { LeftOutImage, PastedAddress, PastedPicture } from './pasted-images';

export type WebImageOutcome = { ok: true; photo: Photo; pasted: PastedPicture } | { ok: false; leftOut: LeftOutImage };

/** Two at a time: a page with thirty pictures must not open thirty downloads at once. */
const AT_ONCE = 2;

/**
 * Has main download and import each pasted web picture (media:importFromUrl); outcomes in the
 * order given. A failure that may pass (offline, a busy server) carries the address to try again.
 */
export async function fetchPastedImages(addresses: readonly PastedAddress[]): Promise<WebImageOutcome[]> {
  const outcomes: WebImageOutcome[] = new Array(addresses.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < addresses.length) {
      const index = next++;
      outcomes[index] = await fetchOne(addresses[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, addresses.length) }, worker));
  return outcomes;
}

async function fetchOne(address: PastedAddress): Promise<WebImageOutcome> {
  const pasted: PastedPicture = { altText: address.altText, caption: address.caption, slot: address.slot };
  const answer = await call('media:importFromUrl', {
    url: address.url.slice(0, 4096),
    ...(address.altText ? { altText: address.altText.slice(0, 2000) } : {}),
  });
  const name = address.url.slice(0, 200);
  if (!answer.ok) return { ok: false, leftOut: { name, reason: answer.error.message, caption: address.caption } };
  const result = answer.value;
  if (result.ok) return { ok: true, photo: result.photo, pasted };
  return { ok: false, leftOut: { name, reason: result.reason, caption: address.caption, ...(result.retry ? { retry: address } : {}) } };
}
