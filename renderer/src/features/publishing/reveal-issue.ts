import type { CheckIssueView } from '../../../../shared/model/publish-check';

/** The base of a check code: "photo-missing-alt@body-2" → "photo-missing-alt", "link-broken@3" → "link-broken". */
export function baseCode(code: string): string {
  return code.replace(/[@#].*$/u, '');
}

/** The field of the details pane labelled `label` (its <label for> names it). */
function detailsField(label: string): HTMLElement | null {
  const details = document.querySelector<HTMLElement>('.nd-meta');
  const labelElement = Array.from(details?.querySelectorAll<HTMLLabelElement>('label') ?? []).find((l) => l.textContent?.trim() === label);
  return labelElement?.htmlFor ? document.getElementById(labelElement.htmlFor) : null;
}

function addAuthorButton(): HTMLElement | null {
  return Array.from(document.querySelectorAll<HTMLButtonElement>('.nd-meta button')).find((b) => b.textContent?.trim() === 'Add author') ?? null;
}

/** Where each story-level finding is fixed; photo findings are shown by the editor pane itself. */
const FIELD_OF_CODE: Record<string, () => HTMLElement | null> = {
  'headline-missing': () => detailsField('Headline'),
  'headline-too-long': () => detailsField('Headline'),
  'headline-long': () => detailsField('Headline'),
  'dek-missing': () => detailsField('Dek'),
  'byline-missing': addAuthorButton,
  'section-missing': () => detailsField('Section'),
  'status-draft': () => detailsField('Status'),
};

/** Whether a finding has a place in the drafting desk to go and fix it (the board's timing has not). */
export function canReveal(issue: CheckIssueView): boolean {
  const code = baseCode(issue.code);
  return issue.where !== 'article' || code in FIELD_OF_CODE || code === 'link-broken';
}

/** Brings the field a story-level finding is about into view and focuses it; false when none. */
export function revealArticleField(issue: CheckIssueView, pane: HTMLElement | null): boolean {
  const code = baseCode(issue.code);
  if (code === 'link-broken') {
    const link = pane?.querySelectorAll<HTMLElement>('[data-testid="article-body"] a')[issue.index - 1];
    if (!link) return false;
    link.scrollIntoView({ block: 'center' });
    link.classList.add('nd-flash');
    setTimeout(() => link.classList.remove('nd-flash'), 1600);
    return true;
  }
  const field = FIELD_OF_CODE[code]?.();
  if (!field) return false;
  field.scrollIntoView({ block: 'center' });
  field.focus();
  return true;
}
