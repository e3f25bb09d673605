import { useId } from 'react';
import { ARTICLE_STATUSES, STATUS_LABELS, type Article, type ArticleStatus } from '../../../../shared/model/article';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import { slugify } from '../../../../shared/rules/slug';
import { LeadPhotoField } from '../article-photos';
import { DeskStatusView, PhotoRequestField, useDeskStory } from '../desk';
import { BylineEditor } from './BylineEditor';
import { SeoFields } from './SeoFields';
import { TagInput } from './TagInput';
import type { MetaPatch } from './useDraftSession';

function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string, hintId?: string) => React.ReactNode }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="nd-field">
      <label className="nd-field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <p className="nd-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The right pane: everything about the story that is not its body. */
interface Props {
  article: Article;
  sections: string[];
  /** For a brand-new article: the caret starts in the headline. The panel is keyed per article. */
  autoFocusHeadline: boolean;
  onChange: (patch: MetaPatch) => void;
  onLeadPhotoChange: (lead: PhotoUse | null) => void;
  /** The field the caret is in (its label), or null when it left the panel: shown to the other editors. */
  onFieldFocus?: (field: string | null) => void;
}

/** The label of the field an element belongs to ("Headline", "Byline"…), read from the form itself. */
function fieldOf(target: EventTarget | null): string | null {
  const field = target instanceof Element ? target.closest('.nd-field') : null;
  return field?.querySelector('.nd-field__label')?.textContent?.trim() || null;
}

export function MetadataPanel({ article, sections, autoFocusHeadline, onChange, onLeadPhotoChange, onFieldFocus }: Props) {
  // A section no longer in the settings still shows (and stays selected) on older stories.
  const sectionOptions = article.section && !sections.includes(article.section) ? [article.section, ...sections] : sections;
  const bylineId = useId();
  const tagsId = useId();
  // A desk story's status is the desk's: its control replaces the local one, so no two disagree.
  const { deskStory, story } = useDeskStory(article.id);

  return (
    <aside
      className="nd-meta"
      aria-label="Article details"
      onFocus={(event) => onFieldFocus?.(fieldOf(event.target))}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onFieldFocus?.(null);
      }}
    >
      <h2 className="nd-pane-title">Details</h2>

      <Field label="Headline">
        {(id) => (
          <textarea
            id={id}
            className="nd-input nd-input--headline"
            rows={2}
            maxLength={500}
            placeholder="Headline"
            // Explicit, so the OS spelling check (and its suggestions in the context menu) always runs here.
            spellCheck
            autoFocus={autoFocusHeadline}
            value={article.headline}
            // A headline is one line: Enter does not break it (pasted line breaks become spaces).
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            onChange={(event) => onChange({ headline: event.target.value.replace(/\s*\n\s*/g, ' ') })}
          />
        )}
      </Field>

      <Field label="Dek" hint="One or two sentences under the headline.">
        {(id, hintId) => (
          <textarea
            id={id}
            className="nd-input"
            rows={3}
            maxLength={2000}
            spellCheck
            aria-describedby={hintId}
            value={article.dek}
            onChange={(event) => onChange({ dek: event.target.value })}
          />
        )}
      </Field>

      <LeadPhotoField lead={article.leadPhoto} onChange={onLeadPhotoChange} />

      <Field label="Slug" hint={article.slugEdited ? 'Edited by hand.' : 'Follows the headline until you edit it.'}>
        {(id, hintId) => (
          <div className="nd-slug">
            <input
              id={id}
              className="nd-input nd-input--mono"
              type="text"
              maxLength={200}
              spellCheck={false}
              aria-describedby={hintId}
              // Until edited, the slug shown is the one that will be saved: the headline's.
              value={article.slugEdited ? article.slug : slugify(article.headline)}
              // Clearing the slug hands it back to the headline.
              onChange={(event) =>
                event.target.value.trim() === ''
                  ? onChange({ slugEdited: false, slug: slugify(article.headline) })
                  : onChange({ slugEdited: true, slug: event.target.value.toLowerCase().replace(/\s+/g, '-') })
              }
              // Leaving the field tidies a hand-typed slug into a URL-safe one.
              onBlur={() => {
                if (!article.slugEdited) return;
                const tidy = slugify(article.slug);
                if (tidy === '') onChange({ slugEdited: false, slug: slugify(article.headline) });
                else if (tidy !== article.slug) onChange({ slug: tidy });
              }}
            />
            {article.slugEdited && (
              <button type="button" className="nd-link-button" onClick={() => onChange({ slugEdited: false, slug: slugify(article.headline) })}>
                Follow headline
              </button>
            )}
          </div>
        )}
      </Field>

      <div className="nd-field" role="group" aria-labelledby={bylineId}>
        <span className="nd-field__label" id={bylineId}>
          Byline
        </span>
        <BylineEditor authors={article.byline} onChange={(byline) => onChange({ byline })} />
      </div>

      <div className="nd-field-row">
        <Field label="Section">
          {(id) => (
            <select id={id} className="nd-input" value={article.section} onChange={(event) => onChange({ section: event.target.value })}>
              {!article.section && <option value="">No section</option>}
              {sectionOptions.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!deskStory && <Field label="Status">
          {(id) => (
            <select
              id={id}
              className={`nd-input nd-input--status-${article.status}`}
              value={article.status}
              onChange={(event) => onChange({ status: event.target.value as ArticleStatus })}
            >
              {ARTICLE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>}
      </div>
      {deskStory && <DeskStatusView articleId={article.id} title={article.headline} story={story} offlineStatus={article.status} />}
      {deskStory && <PhotoRequestField articleId={article.id} leadPhotoId={article.leadPhoto?.photoId ?? null} />}

      <div className="nd-field" role="group" aria-labelledby={tagsId}>
        <span className="nd-field__label" id={tagsId}>
          Tags
        </span>
        <TagInput tags={article.tags} onChange={(tags) => onChange({ tags })} />
      </div>

      <SeoFields article={article} onChange={onChange} />
    </aside>
  );
}
