import type { MessageKey } from '../i18n';
import { usePage } from './context';
import { Layout, PageHeading } from './layout';

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'badRequest' | 'tooLarge' | 'rateLimited' | 'server';

const copy: Record<ErrorKind, { title: MessageKey; body: MessageKey }> = {
  notFound: { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body' },
  badRequest: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  tooLarge: { title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  rateLimited: { title: 'error.rateLimited.title', body: 'error.rateLimited.body' },
  server: { title: 'error.server.title', body: 'error.server.body' },
};

/** The page shown for 4xx and 5xx answers. It never shows technical detail. */
export function ErrorPage({ kind, waitMinutes = 1 }: { kind: ErrorKind; waitMinutes?: number }) {
  const { t } = usePage();
  return (
    <Layout title={t(copy[kind].title)}>
      <PageHeading title={t(copy[kind].title)} lead={t(copy[kind].body, { minutes: waitMinutes })} />
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>
  );
}
