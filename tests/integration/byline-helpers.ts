import type { Author, LexicalDocument } from '../../shared/model/article';
import type { bylineSentences } from '../../electron/main/services/publishing/byline-plan';
import { checkArticle } from '../../electron/main/services/publishing/publish-inputs';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** A byline author as the editor types one. */
export const bylineAuthor = (name: string, role = ''): Author => ({ name, role, avatar: null });

/** A body of plain paragraphs. */
export function paragraphs(...texts: string[]): LexicalDocument {
  const paragraph = (value: string) => ({
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [{ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' }],
  });
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: texts.map(paragraph) } } as LexicalDocument;
}

/** The publish panel's plan for the desk's target, as main computes it (the site's users read for real). */
export async function planOf(desk: PublishingDesk, articleId: string) {
  // Loaded here, not at the top: the publishing tests of this file's users run without it too.
  const { bylineSentences: sentences } = await import('../../electron/main/services/publishing/byline-plan');
  const services = {
    ...desk,
    clocks: desk.http.clocks,
    bylinePlan: (target: Parameters<typeof bylineSentences>[0], byline: readonly Author[]) =>
      sentences(target, byline, { secretOf: (id) => desk.targets.secretOf(id), http: desk.http }),
  };
  const { check } = await checkArticle(services, { articleId, targetId: desk.target.id, mode: 'publish' }, new Date());
  return check.plan;
}
