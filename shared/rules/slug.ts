/** URL slug from a headline: lower case ASCII, accents folded, words joined by hyphens, at most 80 chars. */
export function slugify(headline: string): string {
  const folded = headline.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 40 ? cut.slice(0, lastDash) : cut;
}
