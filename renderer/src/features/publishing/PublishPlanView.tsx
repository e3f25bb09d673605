import type { PublishPlan } from '../../../../shared/model/publishing';
import { formatFull } from '../../ui/time';

function whenLabel(plan: PublishPlan): string {
  if (plan.status === 'draft') return 'Draft';
  if (plan.status === 'future' && plan.goLiveAt) return `Scheduled for ${formatFull(plan.goLiveAt)}`;
  return 'Publish now';
}

const NOT_SENT_TO: Record<PublishPlan['targetKind'], string> = { wordpress: 'WordPress', ghost: 'Ghost', ninjs: 'the ninjs endpoint' };

const list = (names: string[]): string => (names.length === 0 ? 'None' : names.join(', '));

/**
 * What the target will hold after "Publish": when it goes live, where, how it is tagged, whether it
 * replaces an earlier post — and, in a list of its own, the placement the target cannot hold.
 */
export function PublishPlanView({ plan, targetLabel }: { plan: PublishPlan; targetLabel: string }) {
  const photos = `${plan.photoCount} ${plan.photoCount === 1 ? 'photo' : 'photos'}`;
  return (
    <section className="nd-publish__plan" aria-labelledby="nd-publish-plan" data-testid="publish-plan">
      <h3 className="nd-publish__section-title" id="nd-publish-plan">
        What {targetLabel} will get
      </h3>
      <dl className="nd-publish__facts">
        <dt>Goes live</dt>
        <dd data-testid="plan-when">{whenLabel(plan)}</dd>
        <dt>{plan.targetKind === 'wordpress' ? 'Categories' : plan.targetKind === 'ghost' ? 'Tags (section and feeds)' : 'Subjects'}</dt>
        <dd data-testid="plan-categories">{list(plan.categories)}</dd>
        <dt>Tags</dt>
        <dd data-testid="plan-tags">{list(plan.tags)}</dd>
        {plan.byline && plan.byline.length > 0 && (
          <>
            <dt>Byline</dt>
            <dd data-testid="plan-byline">
              {plan.byline.map((sentence) => (
                <p key={sentence} className="nd-publish__byline-note">
                  {sentence}
                </p>
              ))}
            </dd>
          </>
        )}
        <dt>Photos</dt>
        <dd data-testid="plan-photos">{photos}</dd>
        {plan.sticky && (
          <>
            <dt>Sticky</dt>
            <dd data-testid="plan-sticky">
              {plan.targetKind === 'ghost' ? 'Featured — marked as a featured post across the site' : 'Sticky — kept at the top of the site’s front page'}
            </dd>
          </>
        )}
        <dt>Post</dt>
        <dd data-testid="plan-existing">
          {plan.existingPostId !== null || plan.existingLink ? (
            <>
              Updates the post published earlier
              {plan.existingLink && (
                <>
                  {' '}
                  (
                  <a href={plan.existingLink} target="_blank" rel="noreferrer">
                    {plan.existingLink}
                  </a>
                  )
                </>
              )}
            </>
          ) : (
            'A new post'
          )}
        </dd>
      </dl>
      {plan.clockNotes && plan.clockNotes.length > 0 && (
        <ul className="nd-publish__clock" role="note" data-testid="plan-clock">
          {plan.clockNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {plan.notCarried.length > 0 && (
        <div className="nd-publish__not-sent" data-testid="plan-not-carried">
          <h4>Not sent to {NOT_SENT_TO[plan.targetKind]}:</h4>
          <ul>
            {plan.notCarried.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
