import type { Article, LexicalDocument } from '../model/article';
import { PHOTO_FIELD_LABELS, type Photo } from '../model/photo';
import { IMAGE_NODE_TYPE, ImageNodeJson } from '../model/photo-use';
import { formatUtc } from './embargo-date';
import { photoDisplayName, placementLabel } from './photo-use';
import { findRestrictions, type Restriction } from './rights';
import { formatDay, usePeriodEnded } from './use-period';

export interface PhotoUseRef {
  where: 'lead' | 'body';
  /** 0 for the lead photo; the photo's position among the body's photos otherwise. */
  index: number;
  photoId: string;
  caption: string;
  credit: string;
  altText: string;
}

export interface CheckIssue {
  severity: 'blocking' | 'warning';
  code: 'photo-missing-credit' | 'photo-missing-alt' | 'photo-not-in-library' | 'photo-restricted' | 'photo-unreadable' | 'photo-killed';
  /** A sentence for the person publishing, naming the photo and where it is used. */
  message: string;
  photoId: string;
  where: 'lead' | 'body';
  index: number;
  /** For 'photo-restricted': the restriction found in the photo's metadata. */
  restriction?: Restriction;
}

export interface PrepublishReport {
  blocking: CheckIssue[];
  warnings: CheckIssue[];
  /** True when nothing blocks publishing. */
  ok: boolean;
}

/** A photo node in the body that does not have the shape the editor writes (hand-edited or damaged file). */
export interface UnreadablePhotoNode {
  where: 'body';
  index: number;
  /** The id it names, when it names one as text. */
  photoId: string;
  problem: string;
}

type JsonNode = { type?: unknown; children?: unknown; photoId?: unknown };

/** Every photo node of the body in document order, read or reported as unreadable; body photos count from 1. */
export function bodyPhotosOf(body: LexicalDocument): (PhotoUseRef | UnreadablePhotoNode)[] {
  const found: (PhotoUseRef | UnreadablePhotoNode)[] = [];
  // Walked with an explicit stack so a deeply nested (or hostile) document cannot overflow the call stack.
  const pending: unknown[] = [body.root];
  while (pending.length > 0) {
    const node = pending.pop() as JsonNode | null;
    if (typeof node !== 'object' || node === null) continue;
    if (node.type === IMAGE_NODE_TYPE) found.push(readPhotoNode(node, found.length + 1));
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]);
  }
  return found;
}

function readPhotoNode(node: JsonNode, index: number): PhotoUseRef | UnreadablePhotoNode {
  const parsed = ImageNodeJson.safeParse(node);
  if (parsed.success) {
    const { photoId, captionText, credit, altText } = parsed.data;
    return { where: 'body', index, photoId, caption: captionText, credit, altText };
  }
  const issue = parsed.error.issues[0];
  const fieldName = issue?.path.join('.') || 'node';
  return {
    where: 'body',
    index,
    photoId: typeof node.photoId === 'string' ? node.photoId : '',
    problem: `${fieldName}: ${issue?.message ?? 'not a photo'}`,
  };
}

function isReadable(entry: PhotoUseRef | UnreadablePhotoNode): entry is PhotoUseRef {
  return !('problem' in entry);
}

function leadUseOf(article: Article): PhotoUseRef[] {
  const lead = article.leadPhoto;
  if (!lead) return [];
  return [{ where: 'lead', index: 0, photoId: lead.photoId, caption: lead.caption, credit: lead.credit, altText: lead.altText }];
}

/** Every photo the article uses: the lead, then body photos in order (unreadable photo nodes left out). */
export function photoUsesOf(article: Article): PhotoUseRef[] {
  return [...leadUseOf(article), ...bodyPhotosOf(article.body).filter(isReadable)];
}

function issue(
  severity: CheckIssue['severity'],
  code: CheckIssue['code'],
  message: string,
  at: { photoId: string; where: 'lead' | 'body'; index: number },
  restriction?: Restriction,
): CheckIssue {
  const found: CheckIssue = { severity, code, message, photoId: at.photoId, where: at.where, index: at.index };
  return restriction ? { ...found, restriction } : found;
}

function restrictionMessage(subject: string, restriction: Restriction, now: Date): string {
  const field = PHOTO_FIELD_LABELS[restriction.field].toLowerCase();
  if (restriction.kind === 'time-limited' && restriction.until) {
    const day = formatDay(restriction.until);
    return usePeriodEnded(restriction.until, now)
      ? `${subject} may no longer be used: its use ended on ${day} (${field}: “${restriction.detail}”).`
      : `${subject} may be used only until ${day} (${field}: “${restriction.detail}”).`;
  }
  if (restriction.kind === 'embargo' && restriction.until) return `${subject} is embargoed until ${formatUtc(restriction.until)}.`;
  if (restriction.kind === 'embargo') return `${subject} carries an embargo in its ${field}: “${restriction.detail}”. Check that it has lifted.`;
  return `${subject} is marked ${restriction.label} in its ${field}: “${restriction.detail}”.`;
}

/** An embargo that has already lifted is no longer worth a warning. */
function stillApplies(restriction: Restriction, now: Date): boolean {
  if (restriction.kind !== 'embargo' || !restriction.until) return true;
  return !(Date.parse(restriction.until) <= now.getTime());
}

/** The sentence that refuses placing or publishing a killed photo. */
export function killedPhotoMessage(subject: string, photo: Pick<Photo, 'kill'>): string {
  const kill = photo.kill;
  if (!kill) return '';
  const day = kill.at.slice(0, 10);
  return `${subject} was killed on ${day} (“${kill.reason}”) and may not be placed or published. Replace it with another photo.`;
}

function checkUse(use: PhotoUseRef, photo: Photo | undefined, now: Date): CheckIssue[] {
  const place = placementLabel(use);
  const subject = photo ? `${place} “${photoDisplayName(photo)}”` : place;
  const issues: CheckIssue[] = [];
  if (!photo) {
    issues.push(issue('blocking', 'photo-not-in-library', `${place} is not in the photo library (it may have been deleted). Insert it again or remove it.`, use));
  }
  if (photo?.kill) issues.push(issue('blocking', 'photo-killed', killedPhotoMessage(subject, photo), use));
  if (!use.credit.trim()) issues.push(issue('blocking', 'photo-missing-credit', `${subject} has no credit. Every published photo needs one.`, use));
  if (!use.altText.trim()) {
    issues.push(issue('blocking', 'photo-missing-alt', `${subject} has no alt text, which readers using screen readers depend on.`, use));
  }
  for (const restriction of photo ? findRestrictions(photo.metadata) : []) {
    if (stillApplies(restriction, now)) issues.push(issue('warning', 'photo-restricted', restrictionMessage(subject, restriction, now), use, restriction));
  }
  return issues;
}

/** The pre-publish check, shared by the editor and publishing: blocking problems and warnings, photo by photo. */
export function checkArticle(article: Article, photos: ReadonlyMap<string, Photo>, now: Date): PrepublishReport {
  const issues: CheckIssue[] = [];
  for (const entry of [...leadUseOf(article), ...bodyPhotosOf(article.body)]) {
    if (isReadable(entry)) issues.push(...checkUse(entry, photos.get(entry.photoId), now));
    else {
      const message = `${placementLabel(entry)} cannot be read (${entry.problem}). Remove it and insert the photo again.`;
      issues.push(issue('blocking', 'photo-unreadable', message, entry));
    }
  }
  const blocking = issues.filter((found) => found.severity === 'blocking');
  return { blocking, warnings: issues.filter((found) => found.severity === 'warning'), ok: blocking.length === 0 };
}
