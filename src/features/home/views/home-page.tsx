import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import type { PublicHome } from '../service';

/** Splits plain text into paragraphs at blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The public home page: the program, its libraries, and the way in. */
export function HomePage({ home }: { home: PublicHome }) {
  const { t, actor } = usePage();
  const title = home.program?.name ?? t('site.name');
  return (
    <Layout title={title} description={t('home.intro')}>
      <PageHeading title={title} lead={t('home.intro')} />
      {home.program ? (
        paragraphs(home.program.description).map((p, index) => <p key={index}>{p}</p>)
      ) : (
        <p class="empty">{t('home.noProgram')}</p>
      )}
      {home.needsSetup && (
        <p>
          {t('home.setup.text')} <a href="/setup">{t('home.setup.link')}</a>
        </p>
      )}
      {actor ? (
        <p>
          <a href="/dashboard">{t('home.dashboardLink')}</a>
        </p>
      ) : (
        <p>
          {t('home.signIn.text')} <a href="/sign-in">{t('home.signIn.link')}</a>
        </p>
      )}
      <h2>{t('home.libraries.title')}</h2>
      {home.libraries.length === 0 ? (
        <p class="empty">{t('home.libraries.empty')}</p>
      ) : (
        <ul>
          {home.libraries.map((library) => (
            <li key={library.id}>
              {library.name} — {t('home.libraries.place', { town: library.town, state: library.state })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
