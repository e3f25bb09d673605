import { useMemo } from 'react';
import { EMPTY_BODY, type Article } from '../../../../shared/model/article';
import { checkArticle, type PrepublishReport } from '../../../../shared/rules/prepublish';
import { useArticlePhotos } from '../../editor/photos/ArticlePhotosContext';

/**
 * The pre-publish check of the open article, kept current as it is edited. The check reads the
 * article's photos only, so the body it is given is the list of photo nodes PhotoPlugin keeps (in
 * document order) rather than the whole serialized text, which would cost a full serialization on
 * every change. Null while the photos are still being looked up: a photo not yet read is not a
 * photo missing from the library.
 */
export function usePrepublishReport(article: Article | null): PrepublishReport | null {
  const { photos, ready, bodyPhotos } = useArticlePhotos();
  return useMemo(() => {
    if (!article || !ready) return null;
    const body = { root: { ...EMPTY_BODY.root, children: [...bodyPhotos] } };
    return checkArticle({ ...article, body }, photos, new Date());
  }, [article, ready, photos, bodyPhotos]);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export interface CheckSummary {
  text: string;
  tone: 'blocking' | 'warning' | 'ok' | 'pending';
}

/** The status bar's one line: "1 problem blocks publishing", "2 warnings before publishing", … */
export function reportSummary(report: PrepublishReport | null, photosError: string | null = null): CheckSummary {
  // Not knowing the photos is not "nothing blocks": publishing cannot be cleared until they are read.
  if (photosError !== null) return { text: 'Photos could not be checked', tone: 'blocking' };
  if (report === null) return { text: 'Checking photos…', tone: 'pending' };
  const blocking = report.blocking.length;
  const warnings = report.warnings.length;
  if (blocking > 0) {
    return { text: `${plural(blocking, 'problem blocks', 'problems block')} publishing`, tone: 'blocking' };
  }
  if (warnings > 0) return { text: `${plural(warnings, 'warning', 'warnings')} before publishing`, tone: 'warning' };
  return { text: 'Nothing blocks publishing', tone: 'ok' };
}
