import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../../shared/model/article';
import { slugify } from '../../../../shared/rules/slug';
import { call } from '../../api/newsdesk';
import { serializeBody } from '../../editor/body-serializer';
import { DraftSaver, type SaveReason, type SaveState } from './autosave';
import { createValueStore, type ValueStore } from './value-store';

export type MetaPatch = Partial<Pick<Article, 'headline' | 'dek' | 'slug' | 'slugEdited' | 'byline' | 'section' | 'tags' | 'status' | 'leadPhoto'>>;

export interface DraftSession {
  article: Article | null;
  /** Changes whenever the editor must (re)load the body: another article, a restored revision. */
  loadKey: string;
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
  }, []);

  const unload = useCallback((options: { discard?: boolean } = {}) => {
    release(options.discard);
    setArticle(null);
    setLoadKey('none');
    setSaveState(SAVED_NEVER);
  }, [release, setSaveState]);

  const load = useCallback(
    (next: Article) => {
      release();
      generation.current += 1;
      const holder: Open = { article: next, editor: null, saver: null as unknown as DraftSaver };
      holder.saver = new DraftSaver({
        save: (a, reason) => call('drafts:save', { article: a, reason }),
        snapshot: () => forSaving(holder.article, holder.editor),
        delayMs: optionsRef.current.delayMs,
        updatedAt: next.updatedAt,
        onState: (state) => {
          if (openRef.current === holder) setSaveState(state);
        },
        onSaved: (result, reason) => {
          holder.article = { ...holder.article, updatedAt: result.updatedAt };
          optionsRef.current.onSaved(holder.article, reason);
        },
      });
      openRef.current = holder;
      setArticle(next);
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
    holder.saver.markDirty();
  }, []);

  const bodyChanged = useCallback(() => openRef.current?.saver.markDirty(), []);
  const saveNow = useCallback(() => openRef.current?.saver.saveNow() ?? Promise.resolve(true), []);
  const flush = useCallback(() => openRef.current?.saver.flush() ?? Promise.resolve(true), []);
  const hasUnsavedChanges = useCallback(() => openRef.current?.saver.hasUnsavedChanges ?? false, []);
  const savedUpdatedAt = useCallback(() => openRef.current?.article.updatedAt ?? null, []);
  const holdSaves = useCallback((held: boolean) => openRef.current?.saver.hold(held), []);
  const snapshot = useCallback(() => {
    const open = openRef.current;
    return open === null || article === null ? null : forSaving(article, open.editor);
  }, [article]);

  useEffect(() => () => release(), [release]);

  return { article, loadKey, saveState, attachEditor, load, unload, updateMeta, bodyChanged, saveNow, flush, hasUnsavedChanges, savedUpdatedAt, holdSaves, snapshot };
}
