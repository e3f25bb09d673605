import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../../shared/model/article';
import type { SeoKey } from '../../../../shared/rules/seo';
import { slugify } from '../../../../shared/rules/slug';
import { call } from '../../api/newsdesk';
import { serializeBody } from '../../editor/body-serializer';
import { createStoryLink, type StoryLink } from '../../editor/collab/story-link';
import { DraftSaver, type SaveReason, type SaveState } from './autosave';
import { createValueStore, type ValueStore } from './value-store';

export type MetaPatch = Partial<Pick<Article, 'headline' | 'dek' | 'slug' | 'slugEdited' | 'byline' | 'section' | 'tags' | 'status' | 'leadPhoto' | SeoKey>>;

export interface DraftSession {
  article: Article | null;
  /** Changes whenever the editor must (re)load the body: another article, a restored revision. */
  loadKey: string;
  /** The open story's attachment to main's shared document (body, metadata, presence). */
  link: StoryLink | null;
  /** Held outside React state: only the status bar re-renders when it changes, not the desk. */
  saveState: ValueStore<SaveState>;
  /** For the editor of the open article to register itself when it mounts. */
  attachEditor(editor: LexicalEditor): void;
  load(article: Article): void;
  unload(options?: { discard?: boolean }): void;
  updateMeta(patch: MetaPatch): void;
  bodyChanged(): void;
  saveNow(): Promise<boolean>;
  flush(): Promise<boolean>;
  hasUnsavedChanges(): boolean;
  /** updatedAt of the open article's version on disk as this window last saved or loaded it. */
  savedUpdatedAt(): string | null;
  /** A version on disk another editor of the same shared document wrote: this window's own from now on. */
  adoptSavedVersion(updatedAt: string): void;
  /** Stops (or resumes) saving the open article; see DraftSaver.hold. */
  holdSaves(held: boolean): void;
  /** The open article as it stands now, body from the editor included (to compare revisions with). */
  snapshot(): Article | null;
}

/**
 * What is stored: authors without a name and empty tags are still being typed, and a slug that
 * follows the headline is recomputed, so a half-filled form never makes a save fail validation.
 */
function forSaving(article: Article, editor: LexicalEditor | null): Article {
  return {
    ...article,
    body: editor ? serializeBody(editor) : article.body,
    slug: article.slugEdited ? article.slug : slugify(article.headline),
    byline: article.byline.filter((author) => author.name.trim() !== '').map((a) => ({ ...a, name: a.name.trim() })),
    tags: article.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
  };
}

const SAVED_NEVER: SaveState = { kind: 'saved', at: null };

/** One opened article: its latest metadata and the editor holding its body. */
interface Open {
  article: Article;
  editor: LexicalEditor | null;
  saver: DraftSaver;
  link: StoryLink;
}

/**
 * The open article: metadata in React state, the body in the Lexical editor, and the autosaver
 * between them and drafts:save. Each opened article gets its own holder, so whatever is still
 * pending for the previous one (an edit that raced a switch) is saved as that article, never
 * mixed into the next.
 */
export function useDraftSession(options: { delayMs: number; onSaved: (article: Article, reason: SaveReason) => void }): DraftSession {
  const [article, setArticle] = useState<Article | null>(null);
  const [loadKey, setLoadKey] = useState('none');
  const [link, setLink] = useState<StoryLink | null>(null);
  const [saveState] = useState(() => createValueStore<SaveState>(SAVED_NEVER));
  const setSaveState = saveState.set;
  const openRef = useRef<Open | null>(null);
  const generation = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // The editor mounted for the open article registers itself (EditorRefPlugin). It stays with its
  // holder after unmounting, so a background flush can still read the body it held.
  const attachEditor = useCallback((editor: LexicalEditor) => {
    if (openRef.current) openRef.current.editor = editor;
  }, []);

  /**
   * Lets go of the open article. Anything still unsaved in it is written in the background, unless
   * the person chose to discard it.
   */
  const release = useCallback((discard = false) => {
    const previous = openRef.current;
    openRef.current = null;
    if (!previous) return;
    if (!discard && previous.saver.hasUnsavedChanges) void previous.saver.flush();
    previous.saver.dispose();
    previous.link.dispose();
  }, []);

  const unload = useCallback((options: { discard?: boolean } = {}) => {
    release(options.discard);
    setArticle(null);
    setLink(null);
    setLoadKey('none');
    setSaveState(SAVED_NEVER);
  }, [release, setSaveState]);

  const load = useCallback(
    (next: Article) => {
      release();
      generation.current += 1;
      const holder: Open = { article: next, editor: null, saver: null as unknown as DraftSaver, link: createStoryLink(next.id, next) };
      // A change main's shared document refused (read-only library, full disk) is kept and tried
      // again by the provider; until it is in, the story is not saved, whatever the file says.
      let saverState: SaveState = SAVED_NEVER;
      const shown = (): SaveState => {
        const { unsent, message } = holder.link.provider.sendState;
        return unsent && message ? { kind: 'error', message, retrying: true } : saverState;
      };
      holder.link.provider.onSendState(() => {
        if (openRef.current === holder) setSaveState(shown());
      });
      // Another editor changed a field: the local article follows the shared map. Not marked
      // dirty: the editor who made the change saves it.
      holder.link.onRemoteMeta((patch) => {
        const followed = { ...holder.article, ...patch };
        if (!followed.slugEdited && patch.headline !== undefined && patch.slug === undefined) followed.slug = slugify(followed.headline);
        holder.article = followed;
        if (openRef.current === holder) setArticle(followed);
      });
      holder.saver = new DraftSaver({
        save: (a, reason) => call('drafts:save', { article: a, reason }),
        snapshot: () => {
          // Main gets the shared document's waiting changes before the save that holds them, in
          // that order (its calls are taken in order), as when every keystroke was sent at once.
          holder.link.provider.sendNow();
          return forSaving(holder.article, holder.editor);
        },
        delayMs: optionsRef.current.delayMs,
        updatedAt: next.updatedAt,
        onState: (state) => {
          saverState = state;
          if (openRef.current === holder) setSaveState(shown());
        },
        onSaved: (result, reason) => {
          holder.article = { ...holder.article, updatedAt: result.updatedAt };
          holder.link.setSavedAt(result.updatedAt);
          optionsRef.current.onSaved(holder.article, reason);
        },
      });
      openRef.current = holder;
      setArticle(next);
      setLink(holder.link);
      setLoadKey(`${next.id}:${generation.current}`);
      setSaveState(SAVED_NEVER);
    },
    [release, setSaveState],
  );

  const updateMeta = useCallback((patch: MetaPatch) => {
    const holder = openRef.current;
    if (!holder) return;
    const next = { ...holder.article, ...patch };
    // The slug follows the headline until someone edits the slug itself.
    if (!next.slugEdited && patch.headline !== undefined) next.slug = slugify(next.headline);
    holder.article = next;
    setArticle(next);
    // A slug that follows the headline is shared with it, so every window shows the same one.
    holder.link.setMeta(!next.slugEdited && patch.headline !== undefined ? { ...patch, slug: next.slug } : patch);
    holder.saver.markDirty();
  }, []);

  const bodyChanged = useCallback(() => openRef.current?.saver.markDirty(), []);
  const saveNow = useCallback(() => openRef.current?.saver.saveNow() ?? Promise.resolve(true), []);
  const flush = useCallback(() => openRef.current?.saver.flush() ?? Promise.resolve(true), []);
  const hasUnsavedChanges = useCallback(() => openRef.current?.saver.hasUnsavedChanges ?? false, []);
  const savedUpdatedAt = useCallback(() => openRef.current?.article.updatedAt ?? null, []);
  const adoptSavedVersion = useCallback((updatedAt: string) => {
    const holder = openRef.current;
    if (holder) holder.article = { ...holder.article, updatedAt };
  }, []);
  const holdSaves = useCallback((held: boolean) => openRef.current?.saver.hold(held), []);
  const snapshot = useCallback(() => {
    const open = openRef.current;
    return open === null || article === null ? null : forSaving(article, open.editor);
  }, [article]);

  useEffect(() => () => release(), [release]);

  return { article, loadKey, link, saveState, adoptSavedVersion, attachEditor, load, unload, updateMeta, bodyChanged, saveNow, flush, hasUnsavedChanges, savedUpdatedAt, holdSaves, snapshot };
}
