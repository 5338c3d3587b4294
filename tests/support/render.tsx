import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../src/i18n';
import { PageCtx, type PageContext } from '../../src/ui/context';
import { NO_ABILITIES } from '../../src/policy';

/** What a page knows of a visitor reading in English, for rendering views without a request. */
const visitorContext: PageContext = {
  t: translator('en'),
  locale: 'en',
  actor: null,
  abilities: NO_ABILITIES,
  path: '/',
  flash: undefined,
  csrfToken: () => 'token',
  asset: (name) => `/assets/${name}`,
  timeZone: 'UTC',
  publicUrl: 'http://smartspaces.test',
};

/** Renders components as a page does for a visitor in English, so a view can be tested on its own. */
export function renderInPage(children: ComponentChildren): string {
  return renderToString(<PageCtx.Provider value={visitorContext}>{children}</PageCtx.Provider>);
}
