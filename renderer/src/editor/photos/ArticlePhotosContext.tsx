import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImportJob } from '../../../../shared/model/media-library';
import { PhotoId, type Photo } from '../../../../shared/model/photo';
import type { ImageNodeJson } from '../../../../shared/model/photo-use';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../../shared/model/settings';
import { call } from '../../api/newsdesk';
import { LibraryChangesContext } from '../../api/library-changes';
import { useTrackedImports, type TrackedImport } from './tracked-imports';

/** media:getMany takes at most this many ids in one call. */
const MAX_IDS_PER_CALL = 500;

export interface ArticlePhotos {
  /** The library records of the photos the open article uses (lead and body), by id. */
  photos: ReadonlyMap<string, Photo>;
  /** Ids the article uses that the library does not have (deleted, or never imported here). */
  missing: ReadonlySet<string>;
  /**
   * True once every photo the article uses now has been looked up and the desk's credit style is
   * known: until then credits must not follow a house style that may be the wrong one.
   */
  ready: boolean;
  /** Why the photos (or the desk's credit style) could not be read, if they could not. */
  error: string | null;
  /** The desk's house style for credit lines (settings → photoDesk.credit). */
  creditStyle: CreditStyle;
  /** The photo nodes of the body as they serialize, in document order (kept by PhotoPlugin). */
  bodyPhotos: readonly ImageNodeJson[];
  setBodyPhotos(nodes: readonly ImageNodeJson[]): void;
  /** Adds a photo the page already holds (just picked or imported), so it shows at once. */
  remember(photos: readonly Photo[]): void;
  /** Reads the photos and the credit style again (metadata may have been edited in the library). */
  refresh(): void;
  imports: readonly TrackedImport[];
  importFiles(files: readonly File[]): Promise<ImportJob>;
}

const NO_PHOTOS: ArticlePhotos = {
  photos: new Map(),
  missing: new Set(),
  ready: false,
  error: null,
  creditStyle: DEFAULT_CREDIT_STYLE,
  bodyPhotos: [],
  setBodyPhotos: () => {},
  remember: () => {},
  refresh: () => {},
  imports: [],
  importFiles: () => Promise.reject(new Error('Photos cannot be imported here.')),
};

const ArticlePhotosContext = createContext<ArticlePhotos>(NO_PHOTOS);

export function useArticlePhotos(): ArticlePhotos {
  return useContext(ArticlePhotosContext);
}

export type PhotoLookup = { status: 'loading'; photo: null } | { status: 'found'; photo: Photo } | { status: 'missing'; photo: null };

/** One photo of the article: its library record, or whether it is still being read or gone. */
export function usePhotoLookup(id: string): PhotoLookup {
  const { photos, missing } = useArticlePhotos();
  const photo = photos.get(id);
  if (photo) return { status: 'found', photo };
  if (missing.has(id)) return { status: 'missing', photo: null };
  return { status: 'loading', photo: null };
}

interface Loaded {
  key: string;
  photos: Map<string, Photo>;
  missing: Set<string>;
}

/**
 * The photos of the open article for everything that shows or checks them: the body's photo
 * nodes, the lead photo field, the pre-publish check and the preview. They are fetched with
 * media:getMany whenever the set of photos in use changes, again when the Photos desk saves an edit,
 * and when the window regains focus (the library may have been edited in the meantime).
 */
export function ArticlePhotosProvider({ leadPhotoId, children }: { leadPhotoId: string | null; children: ReactNode }) {
  const [bodyPhotos, setBodyPhotosState] = useState<readonly ImageNodeJson[]>([]);
  const [loaded, setLoaded] = useState<Loaded>({ key: '', photos: new Map(), missing: new Set() });
  const [error, setError] = useState<string | null>(null);
  const [creditStyle, setCreditStyle] = useState<CreditStyle>(DEFAULT_CREDIT_STYLE);
  const [styleKnown, setStyleKnown] = useState(false);
  const [styleError, setStyleError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const tracked = useTrackedImports();
  // Saved in the Photos desk: a credit that follows its photo must follow that edit too.
  const { edited: libraryEdits } = useContext(LibraryChangesContext);
  const requestCount = useRef(0);

  const ids = useMemo(() => [...new Set([leadPhotoId ?? '', ...bodyPhotos.map((node) => node.photoId)])].filter(Boolean).sort(), [leadPhotoId, bodyPhotos]);
  const key = ids.join(',');

  useEffect(() => {
    const request = ++requestCount.current;
    // Ids that are not even well-formed cannot be in the library; asking for them would fail the call.
    const valid = ids.filter((id) => PhotoId.safeParse(id).success);
    const chunks: string[][] = [];
    for (let start = 0; start < valid.length; start += MAX_IDS_PER_CALL) chunks.push(valid.slice(start, start + MAX_IDS_PER_CALL));
    void Promise.all(chunks.map((chunk) => call('media:getMany', { ids: chunk }))).then((results) => {
      if (request !== requestCount.current) return; // a newer lookup is under way
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) {
        setError(`The article's photos could not be read from the library: ${failed.error.message}`);
        return;
      }
      const photos = new Map<string, Photo>();
      for (const result of results) if (result.ok) for (const photo of result.value) photos.set(photo.id, photo);
      setError(null);
      setLoaded({ key, photos, missing: new Set(ids.filter((id) => !photos.has(id))) });
    });
    // `ids` is derived from `key`; `version` and `libraryEdits` ask for a fresh read of the same photos.
  }, [key, version, libraryEdits]);

  useEffect(() => {
    let cancelled = false;
    void call('settings:get', {}).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setStyleError(`The desk's credit style could not be read: ${result.error.message}`);
      setCreditStyle(result.value.photoDesk.credit);
      setStyleKnown(true);
      setStyleError(null);
    });
    return () => {
      cancelled = true;
    };
  }, [version, libraryEdits]);

  useEffect(() => {
    const onFocus = () => setVersion((n) => n + 1);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  const remember = useCallback((photos: readonly Photo[]) => {
    setLoaded((previous) => {
      const next = new Map(previous.photos);
      const missing = new Set(previous.missing);
      for (const photo of photos) {
        next.set(photo.id, photo);
        missing.delete(photo.id);
      }
      return { ...previous, photos: next, missing };
    });
  }, []);

  const setBodyPhotos = useCallback((nodes: readonly ImageNodeJson[]) => setBodyPhotosState(nodes), []);
  const refresh = useCallback(() => setVersion((n) => n + 1), []);

  const value = useMemo<ArticlePhotos>(
    () => ({
      photos: loaded.photos,
      missing: loaded.missing,
      ready: loaded.key === key && error === null && styleKnown && styleError === null,
      error: error ?? styleError,
      creditStyle,
      bodyPhotos,
      setBodyPhotos,
      remember,
      refresh,
      imports: tracked.imports,
      importFiles: tracked.run,
    }),
    [loaded, key, error, styleKnown, styleError, creditStyle, bodyPhotos, setBodyPhotos, remember, refresh, tracked.imports, tracked.run],
  );
  return <ArticlePhotosContext.Provider value={value}>{children}</ArticlePhotosContext.Provider>;
}
