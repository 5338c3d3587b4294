import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { sharePaths, type Postcard, type Story } from '../service';
import { PostcardStatus, storyStatusKey } from './status';
import { StoryActions } from './story-actions';
import { href } from '../../../server/route-contract';
import { shareRoutes } from '../route-table';

interface OverviewProps {
  library: WorkspaceLibrary;
  postcards: Page<Postcard>;
  story: Story | undefined;
}

/** The share section: the library's postcards and the state of its transformation story. */
export function OverviewPage({ library, postcards, story }: OverviewProps) {
  const { t, locale, timeZone, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="share" title={t('share.title')} lead={t('share.lead')}>
      <section aria-labelledby="share-postcards">
        <h2 id="share-postcards">{t('share.postcards.heading')}</h2>
        {abilities.work && (
          <p>
            <a class="button button-primary" href={href(shareRoutes.newPostcard, { library: library.slug })}>
              {t('share.postcards.new')}
            </a>
          </p>
        )}
        <Table
          caption={t('share.postcards.caption', { library: library.name, total: formatNumber(postcards.total, locale) })}
          rows={postcards.items}
          rowKey={(p) => p.id}
          empty={t('share.postcards.empty')}
          columns={[
            { header: t('share.column.title'), cell: (p) => <a href={sharePaths.postcard(library, p.id)}>{p.title}</a> },
            { header: t('share.column.status'), cell: (p) => <PostcardStatus postcard={p} /> },
            { header: t('share.column.updated'), cell: (p) => formatDateTime(p.updatedAt, locale, timeZone) },
            {
              header: t('share.column.hub'),
              cell: (p) =>
                p.publishedAt && p.hubPath ? <a href={p.hubPath}>{t('share.hub.link', { title: p.title })}</a> : t('share.hub.none'),
            },
          ]}
        />
        <Pagination page={postcards.page} pages={postcards.pages} />
      </section>
      <section aria-labelledby="share-story">
        <h2 id="share-story">{t('share.story.heading')}</h2>
        <p>{t('share.story.state', { status: t(storyStatusKey(story?.status ?? 'none')) })}</p>
        {story ? (
          <>
            <p>
              <a href={sharePaths.story(library)}>{t('share.story.open')}</a>
            </p>
            <StoryActions library={library} story={story} />
          </>
        ) : (
          <>
            <p>{t('share.story.noneLead')}</p>
            {abilities.work && (
              <Form action={href(shareRoutes.assembleStory, { library: library.slug })}>
                <SubmitButton>{t('share.story.assemble')}</SubmitButton>
              </Form>
            )}
          </>
        )}
      </section>
    </WorkspaceLayout>
  );
}
