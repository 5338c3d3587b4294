import type { ComponentChildren } from 'preact';
import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table, SummaryList } from '../../../ui/table';
import { Markdown } from '../../../ui/markdown';
import { Form, SubmitButton } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import type { AdminItem, Revision, Tag } from '../service';
import { linksText } from '../schema';
import { href } from '../../../server/route-contract';
import { contentRoutes as paths } from '../route-table';

/** Every saved version of an item, newest first. */
export function RevisionsPage({ item, revisions }: { item: AdminItem; revisions: Revision[] }) {
  const { t, locale, timeZone } = usePage();
  const title = t('content.revisions.title', { title: item.title });
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <p>
        <a href={href(paths.edit, { item: item.id })}>{t('content.revisions.back')}</a>
      </p>
      <Table
        caption={t('content.revisions.caption')}
        rows={revisions}
        rowKey={(r) => r.id}
        empty={t('content.revisions.empty')}
        columns={[
          {
            header: t('content.column.title'),
            cell: (r) => (
              <a href={href(paths.revision, { item: item.id, revision: r.id })}>
                {t('content.revisions.number', { number: r.number })}: {r.snapshot.title}
              </a>
            ),
          },
          { header: t('content.revisions.saved'), cell: (r) => formatDateTime(r.createdAt, locale, timeZone) },
        ]}
      />
    </Layout>
  );
}

/** One saved version of an item, with the way to restore it. */
export function RevisionPage({ item, revision, tags }: { item: AdminItem; revision: Revision; tags: Tag[] }) {
  const { t, locale, timeZone } = usePage();
  const title = t('content.revision.title', { number: revision.number, title: item.title });
  const { snapshot } = revision;
  const tagNames = tags.filter((tag) => snapshot.tagIds.includes(tag.id)).map((tag) => tag.name);
  return (
    <Layout title={title}>
      <PageHeading title={title} lead={t('content.revision.savedAt', { date: formatDateTime(revision.createdAt, locale, timeZone) })} />
      <p>
        <a href={href(paths.revisions, { item: item.id })}>{t('content.revision.allRevisions')}</a>
      </p>
      <SummaryList
        items={[
          [t('content.field.title'), snapshot.title],
          [t('content.field.summary'), snapshot.summary || t('common.none')],
          [t('content.field.tags'), tagNames.join(', ') || t('common.none')],
          ...(snapshot.links.length ? [[t('content.field.links'), <pre class="mail">{linksText(snapshot.links)}</pre>] as [string, ComponentChildren]] : []),
        ]}
      />
      <h2>{t('content.field.body')}</h2>
      <Markdown source={snapshot.body} />
      {snapshot.sections &&
        (['before', 'during', 'after'] as const).map((part) => (
          <section key={part}>
            <h2>{t(`content.item.${part}`)}</h2>
            <Markdown source={snapshot.sections?.[part] ?? ''} />
          </section>
        ))}
      <Form action={href(paths.restore, { item: item.id, revision: revision.id })}>
        <p class="hint">{t('content.revision.restoreHint')}</p>
        <SubmitButton>{t('content.revision.restore')}</SubmitButton>
      </Form>
    </Layout>
  );
}
