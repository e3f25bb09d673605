import type { CheckIssueView } from '../model/publish-check';
import type { Article } from '../model/article';
import type { Photo } from '../model/photo';
import type { Placement } from '../model/placement';
import type { PublishMode } from '../model/publishing';
import { formatUtc } from './embargo-date';
import { goLiveAt } from './placement';
import { checkArticle, killedPhotoMessage, type CheckIssue } from './prepublish';
import { linkProblem, linksOf } from './publish-links';

/**
 * The check run before a story is queued for publishing: the photo checks the editor shows
 * (credit, alt text, library, restrictions) plus the story's own — headline, dek, byline,
 * section, links and embargoes. Blocking findings stop the job; warnings must be acknowledged,
 * one by one, by their `code`, so every code is unique within one report.
 */

/**
 * Feeds, search results and social cards cut headlines at about 90 characters; longer ones still
 * publish, but the editor should know the end will not be seen.
 */
export const HEADLINE_FEED_LENGTH = 90;
/**
 * Past 200 characters a headline is a paragraph: every place that lists headlines cuts it, and a
 * pasted first paragraph in the headline field is the usual cause.
 */
export const HEADLINE_MAX_LENGTH = 200;

export interface PublishCheckInput {
  article: Article;
  photos: ReadonlyMap<string, Photo>;
  placement: Placement | null;
  now: Date;
  mode: PublishMode;
}

export interface PublishCheckResult {
  blocking: CheckIssueView[];
  warnings: CheckIssueView[];
}

function articleIssue(severity: CheckIssueView['severity'], code: string, message: string, index = 0): CheckIssueView {
  return { severity, code, message, where: 'article', photoId: '', index };
}

/**
 * A photo finding with a code naming the use ("photo-missing-alt@body-2"); a photo may carry several
 * restrictions, so those codes also name the kind ("photo-restricted@lead-0:pool").
 */
function photoIssueView(found: CheckIssue, severity = found.severity, code: string = found.code, message = found.message): CheckIssueView {
  const kind = code === 'photo-restricted' && found.restriction ? `:${found.restriction.kind}` : '';
  return {
    severity,
    code: `${code}@${found.where}-${found.index}${kind}`,
    message,
    where: found.where,
    photoId: found.photoId,
    index: found.index,
  };
}

function headlineIssues(article: Article): CheckIssueView[] {
  const headline = article.headline.trim();
  const length = [...headline].length;
  if (!headline) return [articleIssue('blocking', 'headline-missing', 'The story has no headline.')];
  if (length > HEADLINE_MAX_LENGTH) {
    return [articleIssue('blocking', 'headline-too-long', `The headline is ${length} characters long; shorten it to ${HEADLINE_MAX_LENGTH} or fewer.`)];
  }
  if (length > HEADLINE_FEED_LENGTH) {
    return [
      articleIssue('warning', 'headline-long', `The headline is ${length} characters long; feeds and search results cut it after about ${HEADLINE_FEED_LENGTH}.`),
    ];
  }
  return [];
}

function storyIssues(article: Article): CheckIssueView[] {
  const issues = headlineIssues(article);
  if (!article.dek.trim()) issues.push(articleIssue('warning', 'dek-missing', 'The story has no dek; feeds and search results will show its first lines instead.'));
  if (article.byline.length === 0) issues.push(articleIssue('blocking', 'byline-missing', 'The story has no byline. Add its author.'));
  if (!article.section.trim()) issues.push(articleIssue('blocking', 'section-missing', 'The story has no section. Choose one.'));
  return issues;
}

function linkIssues(article: Article): CheckIssueView[] {
  return linksOf(article.body).flatMap((link) => {
    const problem = linkProblem(link.href);
    if (problem === null) return [];
    const text = link.text || 'without text';
    const href = link.href.trim() || '(no address)';
    return [articleIssue('blocking', `link-broken@${link.index}`, `Broken link “${text}” → ${href}: ${problem}.`, link.index)];
  });
}

/** The placement's own timing: a schedule before its embargo, a story that would expire before it is seen. */
function timingIssues(placement: Placement | null, liveAt: number, mode: PublishMode): CheckIssueView[] {
  if (!placement) return [];
  const issues: CheckIssueView[] = [];
  const { publish, embargoUntil, expiresAt } = placement;
  if (publish.mode === 'scheduled' && embargoUntil && Date.parse(publish.at) < Date.parse(embargoUntil)) {
    const message = `The story is scheduled for ${formatUtc(publish.at)}, before its embargo lifts at ${formatUtc(embargoUntil)}. Schedule it at or after the embargo.`;
    issues.push(articleIssue('blocking', 'schedule-before-embargo', message));
  }
  if (mode === 'publish' && expiresAt && Date.parse(expiresAt) <= liveAt) {
    const message = `The story expires at ${formatUtc(expiresAt)}, before it would go live. Change or clear the expiry on the placement board.`;
    issues.push(articleIssue('blocking', 'expired-before-live', message));
  }
  return issues;
}

/**
 * The photo checks. When publishing, they are judged at the time the story goes live: an embargo
 * that lifts by then needs no warning, and one that lifts later blocks, since the photo would be
 * seen before it may be. A draft is not seen, so its photo embargoes only warn.
 */
function photoIssues(input: PublishCheckInput, liveAt: number): CheckIssueView[] {
  const { article, photos, mode, now } = input;
  const judgedAt = mode === 'publish' ? new Date(Math.max(liveAt, now.getTime())) : now;
  const report = checkArticle(article, photos, judgedAt);
  const found = [...report.blocking, ...report.warnings];
  return found.map((issue) => {
    const until = issue.restriction?.kind === 'embargo' ? issue.restriction.until : undefined;
    if (mode !== 'publish' || until === undefined) return photoIssueView(issue);
    const message = `${issue.message.replace(/\.$/u, '')}, after the story goes live (${formatUtc(new Date(liveAt).toISOString())}). Schedule the story at or after ${formatUtc(until)}, or use another photo.`;
    return photoIssueView(issue, 'blocking', 'photo-embargo', message);
  });
}

/** The social image is sent like the story's photos, so a killed one stops the story too. */
function socialImageIssues({ article, photos }: PublishCheckInput): CheckIssueView[] {
  const photo = article.socialImage ? photos.get(article.socialImage) : undefined;
  return photo?.kill ? [articleIssue('blocking', 'social-image-killed', killedPhotoMessage('The social image', photo))] : [];
}

/** Keeps codes unique even if two findings ever share one, since warnings are acknowledged by code. */
function uniqueCodes(issues: CheckIssueView[]): CheckIssueView[] {
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const count = (seen.get(issue.code) ?? 0) + 1;
    seen.set(issue.code, count);
    return count === 1 ? issue : { ...issue, code: `${issue.code}#${count}` };
  });
}

/** Everything that stops the story from being published, and what the editor should know first. */
export function checkForPublishing(input: PublishCheckInput): PublishCheckResult {
  const { article, placement, now, mode } = input;
  const liveAt = placement ? goLiveAt(placement, now.getTime()) : now.getTime();
  const issues = uniqueCodes([...storyIssues(article), ...linkIssues(article), ...timingIssues(placement, liveAt, mode), ...photoIssues(input, liveAt), ...socialImageIssues(input)]);
  if (mode === 'publish' && article.status === 'draft') {
    issues.push(articleIssue('warning', 'status-draft', 'The story is still marked Draft: nobody has marked it ready or approved it.'));
  }
  return {
    blocking: issues.filter((issue) => issue.severity === 'blocking'),
    warnings: issues.filter((issue) => issue.severity === 'warning'),
  };
}
