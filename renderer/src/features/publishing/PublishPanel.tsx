import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { CheckIssueView } from '../../../../shared/model/publish-check';
import type { PublishJob, PublishMode } from '../../../../shared/model/publishing';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { usePublishRight } from '../desk';
import { headlineOf } from './job-display';
import { lastTargetId, rememberTarget } from './last-target';
import { useOutbox } from './OutboxContext';
import { PublishChecks } from './PublishChecks';
import { PublishJobView } from './PublishJobView';
import { PublishPlanView } from './PublishPlanView';
import { PublishTargetsDialog } from './PublishTargetsDialog';
import type { StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import { CorrectionDialog } from './CorrectionDialog';
import { KillDialog } from './KillDialog';
import { RetractDialog } from './RetractDialog';
import { StoryOnSites } from './StoryOnSites';
import { KIND_LABELS } from './target-form';
import { modeReady, usePublishCheck } from './usePublishCheck';

interface PublishPanelProps {
  articleId: string;
  /** 'video': `articleId` is a video item's, published as its post (no corrections, no kill). */
  itemKind?: 'video';
  headline: string;
  /** Saves what is being typed; false when it could not be saved. */
  save(): Promise<boolean>;
  onClose(): void;
  /** Closes the panel and shows the field a finding is about. */
  onShowIssue(issue: CheckIssueView): void;
  publishTime?: PublishTimeSlot;
}

/** Renders the story's publish time; `onChanged` runs the check again once the timing was saved. */
export type PublishTimeSlot = (articleId: string, onChanged: () => void) => ReactNode;

/**
 * "Publish…": exists only while shown, so every opening checks the article afresh. The targets
 * dialog it opens is its sibling, not its child: React passes a <dialog>'s close event up its own
 * tree, so a nested dialog closing would close the panel too.
 */
export function PublishPanel(props: PublishPanelProps) {
  const outbox = useOutbox();
  const [targetsOpen, setTargetsOpen] = useState(false);
  // The story's life after publishing: its dialogs are siblings of the panel too.
  const [retracting, setRetracting] = useState<StoryOnSite | null>(null);
  const [killing, setKilling] = useState<StoryOnSite | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [lifeRevision, setLifeRevision] = useState(0);
  const [notPushed, setNotPushed] = useState<string[]>([]);
  const video = props.itemKind === 'video';
  const life: StoryLife = {
    onRetract: setRetracting,
    // A video's post is retracted, never killed; notes go on it like on a story.
    ...(video ? {} : { onKill: setKilling }),
    onCorrect: () => setCorrecting(true),
    revision: lifeRevision,
    notPushed,
  };
  return (
    <>
      <ModalDialog className="nd-publish" testId="publish-panel" title={`Publish “${headlineOf(props)}”`} closeLabel="Close the publish panel" onClose={props.onClose}>
        <PublishPanelBody {...props} life={life} onManageTargets={() => setTargetsOpen(true)} />
      </ModalDialog>
      {retracting && (
        <RetractDialog
          articleId={props.articleId}
          itemKind={props.itemKind}
          headline={headlineOf(props)}
          site={retracting}
          onClose={() => setRetracting(null)}
          onQueued={() => setLifeRevision((n) => n + 1)}
        />
      )}
      {killing && (
        <KillDialog articleId={props.articleId} headline={headlineOf(props)} site={killing} onClose={() => setKilling(null)} onQueued={() => setLifeRevision((n) => n + 1)} />
      )}
      {correcting && (
        <CorrectionDialog
          articleId={props.articleId}
          itemKind={props.itemKind}
          save={props.save}
          onClose={() => setCorrecting(false)}
          onAdded={(reasons) => {
            setNotPushed(reasons);
            setLifeRevision((n) => n + 1);
          }}
        />
      )}
      <PublishTargetsDialog
        open={targetsOpen}
        startNew={outbox.targets.length === 0}
        onClose={() => {
          setTargetsOpen(false);
          void outbox.refreshTargets();
        }}
      />
    </>
  );
}

interface StoryLife {
  onRetract(site: StoryOnSite): void;
  onKill?(site: StoryOnSite): void;
  onCorrect?(): void;
  revision: number;
  /** Sites where the last note could not be pushed, each with why. */
  notPushed: string[];
}

function PublishPanelBody({ articleId, itemKind, save, onClose, onShowIssue, onManageTargets, life, publishTime }: PublishPanelProps & { onManageTargets(): void; life: StoryLife }) {
  const outbox = useOutbox();
  const { targets } = outbox;
  const pickerId = useId();
  const [chosen, setChosen] = useState<string | null>(lastTargetId);
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [queueing, setQueueing] = useState<PublishMode | null>(null);
  const [queueError, setQueueError] = useState<string | null>(null);
  const [queued, setQueued] = useState<PublishJob | null>(null);
  // The remembered target if it still exists, the first one otherwise.
  const targetId = targets.some((t) => t.id === chosen) ? chosen : (targets[0]?.id ?? null);
  const target = targets.find((t) => t.id === targetId) ?? null;
  const check = usePublishCheck(articleId, targetId, save, itemKind);
  // A desk story goes out only from a publisher: the button says so rather than the outbox refusing later.
  const right = usePublishRight(articleId);

  useEffect(() => {
    void outbox.refreshTargets();
  }, [outbox.refreshTargets]);

  // Acknowledgements hold for the findings still there after a new check, not for new ones.
  useEffect(() => {
    if (!check.checks) return;
    const codes = new Set([...check.checks.publish.warnings, ...check.checks.draft.warnings].map((w) => w.code));
    setAcknowledged((last) => new Set([...last].filter((code) => codes.has(code))));
  }, [check.checks]);

  const ready = useMemo(
    () => ({
      publish: check.checks !== null && !check.running && modeReady(check.checks.publish, acknowledged),
      draft: check.checks !== null && !check.running && modeReady(check.checks.draft, acknowledged),
    }),
    [check.checks, check.running, acknowledged],
  );

  const queue = async (mode: PublishMode) => {
    if (!targetId || !check.checks || !ready[mode]) return;
    setQueueing(mode);
    setQueueError(null);
    try {
      if (!(await save())) throw new Error(`The ${itemKind === 'video' ? 'video' : 'article'} could not be saved, so nothing was queued. Fix the problem shown, then try again.`);
      const codes = check.checks[mode].warnings.map((w) => w.code).filter((code) => acknowledged.has(code));
      const job = await request('publish:queue', { articleId, ...(itemKind ? { itemKind } : {}), targetId, mode, acknowledged: codes });
      rememberTarget(targetId);
      outbox.jobQueued(job);
      setQueued(job);
    } catch (cause) {
      setQueueError(messageOf(cause));
      check.rerun(); // main refused: its check may have found something new
    } finally {
      setQueueing(null);
    }
  };

  const liveJob = queued ? (outbox.jobs.find((job) => job.id === queued.id) ?? queued) : null;
  if (liveJob && target) {
    return <PublishJobView job={liveJob} target={target.name} onBack={() => setQueued(null)} onClose={onClose} />;
  }

  const blockingCount = check.checks ? new Set([...check.checks.publish.blocking, ...check.checks.draft.blocking].map((i) => i.code)).size : 0;
  const warningsLeft = check.checks ? new Set([...check.checks.publish.warnings, ...check.checks.draft.warnings].map((w) => w.code).filter((code) => !acknowledged.has(code))).size : 0;
  const note = !check.checks
    ? ''
    : blockingCount > 0
      ? 'Fix the items listed above, then check again.'
      : warningsLeft > 0
        ? `Acknowledge ${warningsLeft === 1 ? 'the warning' : `the ${warningsLeft} warnings`} to publish.`
        : 'Ready. The outbox sends it, and keeps trying while offline.';

  return (
    <>
      {(queueError ?? outbox.targetsError) && (
        <p className="nd-dialog__error" role="alert">
          {queueError ?? outbox.targetsError}
        </p>
      )}
      <div className="nd-publish__body">
        <div className="nd-publish__target">
          {targets.length === 0 ? (
            <div className="nd-publish__no-target" data-testid="publish-no-target">
              <p>There is no publish target yet. Add the WordPress site or ninjs endpoint to publish to.</p>
              <button type="button" className="nd-button nd-button--primary" onClick={onManageTargets}>
                Add a publish target…
              </button>
            </div>
          ) : (
            <>
              <label className="nd-field__label" htmlFor={pickerId}>
                Publish to
              </label>
              <select id={pickerId} className="nd-input nd-publish__picker" value={targetId ?? ''} onChange={(event) => setChosen(event.target.value)}>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({KIND_LABELS[t.kind]})
                  </option>
                ))}
              </select>
              <button type="button" className="nd-link-button" onClick={onManageTargets}>
                Publish targets…
              </button>
            </>
          )}
        </div>
        {target && check.error && (
          <div className="nd-publish__check-error" role="alert">
            <p>The check could not run: {check.error}</p>
          </div>
        )}
        {target && !check.checks && !check.error && <p className="nd-field__hint">Checking the {itemKind === 'video' ? 'video' : 'article'}…</p>}
        {target && check.checks && (
          <div className={`nd-publish__columns${check.running ? ' is-stale' : ''}`} aria-busy={check.running}>
            <div className="nd-publish__left">
              <h3 className="nd-publish__section-title">Before publishing</h3>
              <PublishChecks
                checks={check.checks}
                acknowledged={acknowledged}
                onAcknowledge={(code, yes) =>
                  setAcknowledged((last) => {
                    const next = new Set(last);
                    if (yes) next.add(code);
                    else next.delete(code);
                    return next;
                  })
                }
                onShow={onShowIssue}
              />
            </div>
            <PublishPlanView plan={check.checks.publish.plan} targetLabel={target.name} />
          </div>
        )}
        {life.notPushed.length > 0 && (
          <div className="nd-publish__check-error" role="alert" data-testid="correction-not-pushed">
            <p>The note is in the story, but the update was not sent to:</p>
            <ul>
              {life.notPushed.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
        {publishTime?.(articleId, check.rerun)}
        <StoryOnSites articleId={articleId} onRetract={life.onRetract} onKill={life.onKill} onCorrect={life.onCorrect} revision={life.revision} />
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note" data-testid="publish-note">
          {right.reason ?? note}
        </p>
        <button type="button" className="nd-button" disabled={!target || check.running} onClick={check.rerun}>
          {check.running ? 'Checking…' : 'Check again'}
        </button>
        <button type="button" className="nd-button" disabled={!ready.draft || queueing !== null} onClick={() => void queue('draft')}>
          {queueing === 'draft' ? 'Queueing…' : 'Send as draft'}
        </button>
        <button
          type="button"
          className="nd-button nd-button--primary"
          disabled={!ready.publish || queueing !== null || !right.allowed}
          title={right.reason ?? undefined}
          onClick={() => void queue('publish')}
        >
          {queueing === 'publish' ? 'Queueing…' : 'Publish'}
        </button>
      </footer>
    </>
  );
}
