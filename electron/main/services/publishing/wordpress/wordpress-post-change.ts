import type { WordPressTarget } from '../../../../../shared/model/publishing';
import type { PostChangeInput } from '../remote/site-job';

/** A retract or a kill on WordPress: the same attempt, with the site and its application password. */
export interface WordPressPostChangeInput extends PostChangeInput {
  target: WordPressTarget;
  password: string;
}
