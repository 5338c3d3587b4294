/** The longest slug made from a name or title. */
const MAX_SLUG_LENGTH = 80;

/**
 * A name or title as an address: lower case, ASCII letters and digits
 * separated by single hyphens ("Honey Grove Library & Learning Center" →
 * "honey-grove-library-learning-center", "Biblioteca Pública" →
 * "biblioteca-publica"). Text with no letters or digits that have an ASCII
 * form (emoji, other scripts) becomes `fallback`.
 */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/**
 * The first free slug for a base: "base", then "base-2", "base-3", … asking
 * `taken` which of twenty candidates at a time are in use, so a popular title
 * costs one query per twenty duplicates rather than one per candidate.
 */
export async function firstFreeSlug(base: string, taken: (candidates: string[]) => Promise<Iterable<string>>): Promise<string> {
  for (let start = 1; ; start += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => (start + i === 1 ? base : `${base}-${start + i}`));
    const used = new Set(await taken(candidates));
    const free = candidates.find((c) => !used.has(c));
    if (free) return free;
  }
}
