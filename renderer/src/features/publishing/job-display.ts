import { FINISHED_JOB_STATES, type JobState, type PublishJob, type PublishTarget } from '../../../../shared/model/publishing';
import { formatClock, formatFull } from '../../ui/time';

/** How the outbox names each state; "waiting" gets its retry time added by `stateLabel`. */
export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Sending',
  waiting: 'Waiting to retry',
  conflict: 'Needs your decision',
  done: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function isUnfinished(job: PublishJob): boolean {
  return !FINISHED_JOB_STATES.includes(job.state);
}

/** "Waiting to retry at 14:32" (with the date when it is not today); the plain label otherwise. */
export function stateLabel(job: PublishJob, now = new Date()): string {
  if (job.retract) {
    // A retract says so in every state, so the outbox never reads as if it were publishing.
    // One the story's expiry asked for says that too: nobody clicked Retract, and the editor should know why.
    const expired = job.retract.expiredAt !== undefined;
    if (job.state === 'done') return expired ? 'Expired (back to a draft)' : job.retract.as === 'trash' ? 'Retracted (moved to the trash)' : 'Retracted';
    if (job.state === 'queued') return expired ? 'Expired: retract queued' : 'Retract queued';
    if (job.state === 'running') return expired ? 'Expired: retracting' : 'Retracting';
  }
  if (job.kill) {
    if (job.state === 'done') return 'Killed (notice on the site)';
    if (job.state === 'queued' || job.state === 'running') return job.state === 'queued' ? 'Kill notice queued' : 'Writing the kill notice';
  }
  if (job.state === 'done' && job.mode === 'draft') return 'Sent as draft';
  if (job.state !== 'waiting' || !job.nextAttemptAt) return JOB_STATE_LABELS[job.state];
  const at = new Date(job.nextAttemptAt);
  const sameDay = at.toDateString() === now.toDateString();
  return `Waiting to retry at ${sameDay ? formatClock(job.nextAttemptAt) : formatFull(job.nextAttemptAt)}`;
}

const units = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1,234,567 → "1.2 MB": upload progress for people, not for machines. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** How far the job is, 0–1, or null when nothing measurable is under way (an indeterminate bar). */
export function progressFraction(job: PublishJob): number | null {
  if (job.state === 'done') return 1;
  const { bytesSent, bytesTotal, photoIndex, photoCount, step } = job.progress;
  if (step === 'uploading' && bytesTotal > 0 && photoCount > 0) {
    // Each photo is an equal share of the bar; the post itself is the last share.
    const share = 1 / (photoCount + 1);
    return Math.min(1, share * (Math.max(photoIndex, 1) - 1) + share * (bytesSent / bytesTotal));
  }
  // A ninjs document on its way: one request, measured in bytes.
  if (step === 'sending' && bytesTotal > 0 && photoCount === 0) return Math.min(1, bytesSent / bytesTotal);
  if (photoCount > 0 && (step === 'captioning' || step === 'terms' || step === 'post' || step === 'sending')) {
    const done = step === 'captioning' ? Math.max(photoIndex, 1) : photoCount;
    return Math.min(0.95, done / (photoCount + 1));
  }
  return null;
}

/** "412 KB of 1.3 MB" while a photo or a document uploads; '' otherwise. */
export function bytesLabel(job: PublishJob): string {
  const { bytesSent, bytesTotal, step } = job.progress;
  if ((step !== 'uploading' && step !== 'sending') || bytesTotal === 0) return '';
  return `${formatBytes(bytesSent)} of ${formatBytes(bytesTotal)}`;
}

export function targetName(targets: readonly PublishTarget[], id: string): string {
  return targets.find((target) => target.id === id)?.name ?? 'a removed target';
}

export const headlineOf = (job: Pick<PublishJob, 'headline'>): string => job.headline.trim() || 'Untitled';
