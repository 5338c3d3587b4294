import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, Translate } from '../i18n';
import type { Actor, LibraryAbilities } from '../policy';

export interface Flash {
  kind: 'success' | 'info';
  message: string;
}

/** What every page needs from the request, provided once by the renderer. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  /** What the actor may do in the library the page belongs to; all false outside a library. */
  abilities: LibraryAbilities;
  /** The current path, for navigation state and sign-in return links. */
  path: string;
  flash: Flash | undefined;
  /** A CSRF token for forms; made on first use so pages without forms set no cookie. */
  csrfToken: () => string;
  /** The fingerprinted address of a file under /assets. */
  asset: (name: string) => string;
  /** Time zone for showing times: the person's, or UTC for visitors. */
  timeZone: string;
  /** The site's public base address (PUBLIC_URL), for absolute links in feeds and previews. */
  publicUrl: string;
}

export const PageCtx = createContext<PageContext | null>(null);

/** The page context; only valid inside a page rendered by `reply.view`. */
export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() called outside a rendered page');
  return ctx;
}
