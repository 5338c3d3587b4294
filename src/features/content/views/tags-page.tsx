import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { ErrorSummary, Form, Radios, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { TAG_KINDS, type Tag } from '../service';
import { tagPath } from '../urls';
import { tagKindLabel } from './parts';
import { href } from '../../../server/route-contract';
import { contentRoutes as paths } from '../route-table';

/** The tags, and the form to add one. */
export function TagsPage({ tags, form }: { tags: Tag[]; form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('content.tags.title')}>
      <PageHeading title={t('content.tags.title')} lead={t('content.tags.lead')} />
      <Table
        caption={t('content.tags.caption')}
        rows={tags}
        rowKey={(tag) => tag.id}
        empty={t('content.tags.empty')}
        columns={[
          { header: t('content.tags.name'), cell: (tag) => tag.name },
          { header: t('content.tags.kind'), cell: (tag) => t(tagKindLabel(tag.kind)) },
          { header: t('content.tags.address'), cell: (tag) => <a href={tagPath(tag.slug)}>{tagPath(tag.slug)}</a> },
        ]}
      />
      <h2>{t('content.tags.add')}</h2>
      <ErrorSummary form={form} />
      <Form action={href(paths.createTag)} label={t('content.tags.add')}>
        <Radios form={form} name="kind" label={t('content.tags.kind')} options={TAG_KINDS.map((kind) => ({ value: kind, label: t(tagKindLabel(kind)) }))} />
        <TextField form={form} name="name" label={t('content.tags.name')} maxLength={80} />
        <SubmitButton>{t('content.tags.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
