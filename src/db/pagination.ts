/** One page of a list, with where it stands among all pages. */
export interface Page<T> {
  items: T[];
  /** The 1-based page shown, clamped to the pages that exist. */
  page: number;
  /** How many pages there are; at least 1, so an empty list has one empty page. */
  pages: number;
  /** How many items the whole list holds. */
  total: number;
}

/**
 * Where the requested page of `size` items starts. A page past the end (an old
 * link, a hand-edited address) becomes the last page, and one before the start
 * the first, so a list never shows an empty page while it has items.
 */
export function pageWindow(total: number, requested: number, size: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pages);
  return { page, pages, offset: (page - 1) * size };
}

/**
 * A page of a list from its total and a loader of `limit` rows from `offset`;
 * the loader is not called when the list is empty.
 */
export async function paginate<T>(
  total: number,
  requested: number,
  size: number,
  load: (limit: number, offset: number) => Promise<T[]>,
): Promise<Page<T>> {
  const { page, pages, offset } = pageWindow(total, requested, size);
  const items = total ? await load(size, offset) : [];
  return { items, page, pages, total };
}

/** A page of a list already in memory. */
export function pageOfArray<T>(all: readonly T[], requested: number, size: number): Page<T> {
  const { page, pages, offset } = pageWindow(all.length, requested, size);
  return { items: all.slice(offset, offset + size), page, pages, total: all.length };
}
