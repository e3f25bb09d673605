import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import { DEFAULT_SETTINGS } from '../../../../shared/model/settings';
import type { VideoItem } from '../../../../shared/model/video';
import { newPhotoUse } from '../../../../shared/rules/photo-use';
import { call, messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { MOD } from '../../ui/shortcuts';
import { DiscardBar, useCloseGuard } from '../../ui/components/close-guard';
import { PhotoPickerDialog, usePhotoDeskSettings } from '../photos';
import { PublishPanel } from '../publishing';
import { PosterField } from './PosterField';
import { SourceField } from './SourceField';
import { EMPTY_DRAFT, draftChanged, draftOf, readDuration, readSource, videoOf, type VideoDraft } from './video-draft';

interface VideoDialogProps {
  open: boolean;
  /** null: a new video (created in main when first saved). */
  videoId: string | null;
  onClose(): void;
  onSaved(video: VideoItem): void;
}

/**
 * Creates or edits a video item of the feeds: headline, blurb, a credited poster from the photo
 * library, the player (address or embed code, reduced to the player's address) and the duration.
 * Closing with unsaved changes asks first.
 */
export function VideoDialog(props: VideoDialogProps) {
  // Exists only while shown, so each opening reads the video as it is stored now.
  return props.open ? <VideoEditor {...props} /> : null;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; video: VideoItem | null };

function useStoredVideo(videoId: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(videoId === null ? { status: 'ready', video: null } : { status: 'loading' });
  useEffect(() => {
    if (videoId === null) return;
    let cancelled = false;
    void call('videos:get', { id: videoId }).then((result) => {
      if (cancelled) return;
      setLoaded(result.ok ? { status: 'ready', video: result.value } : { status: 'failed', message: `The video could not be opened: ${result.error.message}` });
    });
    return () => {
      cancelled = true;
    };
  }, [videoId]);
  return loaded;
}

function VideoEditor({ videoId, onClose, onSaved }: VideoDialogProps) {
  const loaded = useStoredVideo(videoId);
  const focusHeadline = (dialog: HTMLDialogElement) => dialog.querySelector<HTMLInputElement>('[data-field="headline"]')?.focus();
  const title = videoId === null ? 'New video' : 'Edit video';

  if (loaded.status !== 'ready') {
    return (
      <ModalDialog className="nd-video-dialog" testId="video-dialog" title={title} error={loaded.status === 'failed' ? loaded.message : null} onClose={onClose}>
        <div className="nd-video-dialog__body">{loaded.status === 'loading' && <p className="nd-field__hint">Opening the video…</p>}</div>
        <footer className="nd-dialog__foot">
          <button type="button" className="nd-button" onClick={onClose}>
            Close
          </button>
        </footer>
      </ModalDialog>
    );
  }
  return <VideoForm stored={loaded.video} title={title} onOpened={focusHeadline} onClose={onClose} onSaved={onSaved} />;
}

interface VideoFormProps {
  stored: VideoItem | null;
  title: string;
  onOpened(dialog: HTMLDialogElement): void;
  onClose(): void;
  onSaved(video: VideoItem): void;
}

function VideoForm({ stored, title, onOpened, onClose, onSaved }: VideoFormProps) {
  const formId = useId();
  const headlineId = useId();
  const blurbId = useId();
  const durationId = useId();
  const durationNoteId = useId();
  const initial = useMemo(() => (stored ? draftOf(stored) : EMPTY_DRAFT), [stored]);
  const [draft, setDraft] = useState<VideoDraft>(initial);
  // A new video is created in main at the first save; a failed save after that reuses it.
  const [base, setBase] = useState<VideoItem | null>(stored);
  const [picking, setPicking] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const desk = usePhotoDeskSettings();
  const styleReady = desk.settings !== DEFAULT_SETTINGS || desk.error !== null;

  const dirty = draftChanged(draft, initial);
  const guard = useCloseGuard(dirty, onClose);
  const source = readSource(draft, base?.source ?? null);
  const duration = readDuration(draft.duration);
  const readable = source.ok && duration.ok;

  const change = (patch: Partial<VideoDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setError(null);
  };
  const setPoster = useCallback((poster: PhotoUse | null) => {
    setDraft((previous) => ({ ...previous, poster }));
    setError(null);
  }, []);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!readable || saving) return;
    setSaving(true);
    setError(null);
    try {
      const target = base ?? (await request('videos:create', {}));
      setBase(target);
      const video = videoOf(target, draft);
      if (!video) return;
      const saved = await request('videos:save', { video });
      onSaved(saved);
      onClose();
    } catch (cause) {
      setError(`The video was not saved: ${messageOf(cause)}`);
    } finally {
      setSaving(false);
    }
  };

  const missing = [draft.headline.trim() ? null : 'a headline', draft.poster ? null : 'a poster', source.ok && source.source ? null : 'a player'].filter(Boolean);

  return (
    <>
      <ModalDialog
        className="nd-video-dialog"
        testId="video-dialog"
        title={title}
        error={error}
        onOpened={onOpened}
        onClose={guard.requestClose}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          } else guard.onKeyDown(event);
        }}
      >
        <form id={formId} className="nd-video-dialog__body" noValidate onSubmit={(event) => void save(event)}>
          <div className="nd-video-dialog__main">
            <div className="nd-field">
              <label className="nd-field__label" htmlFor={headlineId}>
                Headline
              </label>
              <input
                id={headlineId}
                className="nd-input nd-input--headline"
                type="text"
                data-field="headline"
                maxLength={500}
                value={draft.headline}
                placeholder="What the video shows"
                onChange={(event) => change({ headline: event.target.value })}
              />
            </div>
            <div className="nd-field">
              <label className="nd-field__label" htmlFor={blurbId}>
                Blurb
              </label>
              <textarea id={blurbId} className="nd-input" rows={3} maxLength={2000} value={draft.blurb} placeholder="One or two sentences under the poster" onChange={(event) => change({ blurb: event.target.value })} />
            </div>
            <SourceField value={draft.sourceText} reading={source} onChange={(sourceText) => change({ sourceText })} />
            <div className="nd-field nd-video-dialog__duration">
              <label className="nd-field__label" htmlFor={durationId}>
                Duration
              </label>
              <input
                id={durationId}
                className="nd-input"
                type="text"
                inputMode="numeric"
                placeholder="m:ss"
                value={draft.duration}
                aria-invalid={!duration.ok}
                aria-describedby={durationNoteId}
                onChange={(event) => change({ duration: event.target.value })}
              />
              <p className={duration.ok ? 'nd-field__hint' : 'nd-field-error'} id={durationNoteId}>
                {duration.ok ? 'As the player shows it: 2:45, or 1:02:03.' : duration.message}
              </p>
            </div>
          </div>
          <PosterField poster={draft.poster} creditStyle={desk.creditStyle} styleReady={styleReady} onChoose={() => setPicking(true)} onChange={setPoster} />
        </form>
        {guard.confirming ? (
          <DiscardBar question="Discard the changes to this video?" onKeepEditing={guard.keepEditing} onDiscard={onClose} />
        ) : (
          <footer className="nd-dialog__foot">
            <p className="nd-dialog__note" data-testid="video-readiness">
              {missing.length > 0 ? `Needs ${missing.join(', ')} before it can go out.` : `Ready to place in a video feed. ${MOD}Enter saves.`}
            </p>
            <button type="button" className="nd-button" onClick={guard.requestClose}>
              Cancel
            </button>
            {/* The panel checks and sends the stored video: it opens once the changes are saved. */}
            <button
              type="button"
              className="nd-button"
              data-testid="video-publish"
              disabled={base === null || dirty}
              title={base === null || dirty ? 'Save the video first' : 'Check the video and send it to a site'}
              onClick={() => setPublishing(true)}
            >
              Publish…
            </button>
            <button type="submit" form={formId} className="nd-button nd-button--primary" disabled={!readable || saving || !dirty}>
              {saving ? 'Saving…' : 'Save video'}
            </button>
          </footer>
        )}
      </ModalDialog>
      {publishing && base !== null && (
        <PublishPanel
          articleId={base.id}
          itemKind="video"
          headline={draft.headline}
          save={async () => !dirty}
          onClose={() => setPublishing(false)}
          // The findings name the video's own fields (headline, blurb, poster, player), all in this form.
          onShowIssue={() => setPublishing(false)}
        />
      )}
      {/* Beside the dialog, not inside it: the picker's Esc and clicks must not reach this form. */}
      <PhotoPickerDialog
        open={picking}
        title="Choose a poster"
        onPick={(photo) => {
          setPicking(false);
          setPoster(newPhotoUse(photo, desk.creditStyle));
        }}
        onClose={() => setPicking(false)}
      />
    </>
  );
}
