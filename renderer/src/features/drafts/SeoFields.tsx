import { useId, useState } from 'react';
import { SEO_TEXT_MAX, type Article } from '../../../../shared/model/article';
import { lengthAdvice, SEO_GUIDANCE, seoFieldsOf, type SeoTextKey } from '../../../../shared/rules/seo';
import { PhotoPickerDialog } from '../photos';
import { Thumbnail } from '../../ui/photos/Thumbnail';
import type { MetaPatch } from './useDraftSession';

interface Props {
  article: Article;
  onChange: (patch: MetaPatch) => void;
}

/** What an empty field falls back to, as the advice names it. */
const FALLBACK_NAMES: Record<SeoTextKey, string> = {
  seoTitle: 'headline',
  seoDescription: 'dek',
  socialTitle: 'SEO title (or the headline)',
  socialDescription: 'meta description (or the dek)',
};

function SeoText({ field, value, rows, onChange }: { field: SeoTextKey; value: string; rows: number; onChange: (value: string) => void }) {
  const id = useId();
  const adviceId = useId();
  const advice = lengthAdvice(field, value, FALLBACK_NAMES[field]);
  return (
    <div className="nd-field">
      <label className="nd-field__label" htmlFor={id}>
        {SEO_GUIDANCE[field].label}
      </label>
      <textarea
        id={id}
        className="nd-input"
        rows={rows}
        maxLength={SEO_TEXT_MAX}
        spellCheck
        aria-describedby={adviceId}
        value={value}
        // One line each: search and social sites show none of its breaks.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        onChange={(event) => onChange(event.target.value.replace(/\s*\n\s*/g, ' '))}
      />
      <p className={`nd-field__hint nd-seo__advice nd-seo__advice--${advice.tone}`} id={adviceId} data-testid={`seo-advice-${field}`}>
        {advice.text}
      </p>
    </div>
  );
}

/**
 * Search and social fields in the details panel, folded away until wanted: the SEO title and meta
 * description with their length guidance, and what a shared link shows (title, text, picture).
 */
export function SeoFields({ article, onChange }: Props) {
  const fields = seoFieldsOf(article);
  const imageLabelId = useId();
  const [picking, setPicking] = useState(false);
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  // A button rather than <details>: the security audit refuses <details> anywhere in the page, since
  // in pasted content its toggle event is a way to run script.
  return (
    <section className="nd-seo" data-testid="seo-fields">
      <button type="button" className="nd-field__label nd-seo__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Search and social
      </button>
      {open && (
      <div id={bodyId}>
      <SeoText field="seoTitle" value={fields.seoTitle} rows={2} onChange={(seoTitle) => onChange({ seoTitle })} />
      <SeoText field="seoDescription" value={fields.seoDescription} rows={3} onChange={(seoDescription) => onChange({ seoDescription })} />
      <SeoText field="socialTitle" value={fields.socialTitle} rows={2} onChange={(socialTitle) => onChange({ socialTitle })} />
      <SeoText field="socialDescription" value={fields.socialDescription} rows={3} onChange={(socialDescription) => onChange({ socialDescription })} />
      <div className="nd-field" role="group" aria-labelledby={imageLabelId}>
        <span className="nd-field__label" id={imageLabelId}>
          Social image
        </span>
        {fields.socialImage ? (
          <div className="nd-lead__chosen">
            <Thumbnail id={fields.socialImage} alt="Social image" />
            <div className="nd-lead__actions">
              <button type="button" className="nd-button nd-button--small" onClick={() => setPicking(true)}>
                Replace…
              </button>
              <button type="button" className="nd-button nd-button--small nd-button--ghost" onClick={() => onChange({ socialImage: null })}>
                Remove
              </button>
            </div>
          </div>
        ) : (
          <div className="nd-lead__empty">
            <p>None: the lead photo is shown when the story is shared.</p>
            <button type="button" className="nd-button nd-button--small" onClick={() => setPicking(true)}>
              Choose…
            </button>
          </div>
        )}
      </div>
      <PhotoPickerDialog
        open={picking}
        title="Choose the social image"
        onPick={(photo) => {
          setPicking(false);
          onChange({ socialImage: photo.id });
        }}
        onClose={() => setPicking(false)}
      />
      </div>
      )}
    </section>
  );
}
