import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Markdown } from '../../../ui/markdown';
import { Checkboxes, ErrorSummary, fieldId, Form, Select, TextArea, TextField, type FormState, type Option } from '../../../ui/forms';
import type { AdminItem, Tag } from '../service';
import type { Intent } from '../schema';
import type { ContentType } from '../urls';
import { StatusText, tagKindLabel, typeName } from './parts';
import { href } from '../../../server/route-contract';
import { contentRoutes as paths } from '../route-table';

export interface ItemFormChoices {
  libraries: Option[];
  images: Option[];
  tags: Tag[];
}

/**
 * The live preview of the body, filled in by public/markdown-preview.js as
 * the editor types. Hidden until that script runs, so without JavaScript
 * nothing empty is shown (the Preview button does the same job).
 */
function LivePreview({ field }: { field: string }) {
  const { t } = usePage();
  return (
    <section class="preview" data-island="markdown-preview" data-for={fieldId(field)} data-endpoint={href(paths.preview)} aria-label={t('content.form.livePreview')} aria-live="polite" hidden>
      <h2>{t('content.form.livePreview')}</h2>
      <div class="prose" />
    </section>
  );
}

function IntentButton({ intent, variant, children }: { intent: Intent; variant: 'primary' | 'secondary' | 'danger'; children: string }) {
  return (
    <button type="submit" name="intent" value={intent} class={`button button-${variant}`}>
      {children}
    </button>
  );
}

/** The Markdown the editor typed, rendered as visitors would see it. */
function Preview({ form, type }: { form: FormState; type: ContentType }) {
  const { t } = usePage();
  const text = (name: string) => (typeof form.values[name] === 'string' ? (form.values[name] as string) : '');
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('content.form.previewHeading')}</h2>
      <p class="hint">{t('content.form.previewNote')}</p>
      <Markdown source={text('body')} />
      {type === 'story' &&
        (['before', 'during', 'after'] as const).map((part) => (
          <div key={part}>
            <h3>{t(`content.item.${part}`)}</h3>
            <Markdown source={text(part)} />
          </div>
        ))}
    </section>
  );
}

/**
 * The form to write a new item of `type`, or to edit `item`. Every button
 * saves what was typed, except Preview, which shows it without saving.
 */
export function ItemFormPage({
  type,
  item,
  form,
  choices,
  preview = false,
}: {
  type: ContentType;
  item?: AdminItem;
  form: FormState;
  choices: ItemFormChoices;
  preview?: boolean;
}) {
  const { t, timeZone, asset } = usePage();
  const title = item ? t('content.form.editTitle', { title: item.title }) : t('content.form.newTitle', { type: t(typeName(type)) });
  const action = item ? href(paths.update, { item: item.id }) : href(paths.create, {}, { type });
  const tagOptions = choices.tags.map((tag) => ({ value: tag.id, label: `${tag.name} (${t(tagKindLabel(tag.kind))})` }));
  return (
    <Layout title={title} head={<script type="module" src={asset('markdown-preview.js')} />}>
      <PageHeading title={title} />
      {item && (
        <>
          <p>
            {t('content.form.status')} <StatusText status={item.status} publishedAt={item.publishedAt} />
          </p>
          <ul class="actions">
            {item.status === 'published' && (
              <li>
                <a href={item.path}>{t('content.form.viewPublic')}</a>
              </li>
            )}
            <li>
              <a href={href(paths.itemPreview, { item: item.id })}>{t('content.form.preview')}</a>
            </li>
            <li>
              <a href={href(paths.revisions, { item: item.id })}>{t('content.form.revisions')}</a>
            </li>
          </ul>
        </>
      )}
      <ErrorSummary form={form} />
      {preview && <Preview form={form} type={type} />}
      <Form action={action}>
        <TextField form={form} name="title" label={t('content.field.title')} hint={type === 'page' ? t('content.form.homeHint') : undefined} maxLength={200} />
        <TextArea form={form} name="summary" label={t('content.field.summary')} hint={t('content.hint.summary')} optional rows={3} maxLength={500} />
        <TextArea form={form} name="body" label={t('content.field.body')} hint={t('content.hint.body')} rows={16} maxLength={50_000} />
        <LivePreview field="body" />
        {type === 'collection' && <TextArea form={form} name="links" label={t('content.field.links')} hint={t('content.hint.links')} optional rows={10} />}
        {type === 'story' && (
          <fieldset class="field">
            <legend>{t('content.form.sections')}</legend>
            <TextArea form={form} name="before" label={t('content.field.before')} hint={t('content.hint.section')} optional rows={8} maxLength={50_000} />
            <TextArea form={form} name="during" label={t('content.field.during')} hint={t('content.hint.section')} optional rows={8} maxLength={50_000} />
            <TextArea form={form} name="after" label={t('content.field.after')} hint={t('content.hint.section')} optional rows={8} maxLength={50_000} />
          </fieldset>
        )}
        {(type === 'postcard' || type === 'story') && (
          <Select form={form} name="library" label={t('content.field.library')} optional emptyLabel={t('content.form.noLibrary')} options={choices.libraries} />
        )}
        <Select form={form} name="image" label={t('content.field.image')} hint={t('content.hint.image')} optional emptyLabel={t('content.form.noImage')} options={choices.images} />
        {tagOptions.length > 0 && <Checkboxes form={form} name="tags" label={t('content.field.tags')} options={tagOptions} />}
        <fieldset class="field">
          <legend>{t('content.form.publishing')}</legend>
          <TextField
            form={form}
            name="publishAt"
            type="datetime-local"
            label={t('content.field.publishAt')}
            hint={t('content.hint.publishAt', { zone: timeZone })}
            optional
          />
        </fieldset>
        <div class="actions">
          <IntentButton intent="save" variant="primary">
            {item && item.status !== 'draft' ? t('content.action.save') : t('content.action.saveDraft')}
          </IntentButton>
          <IntentButton intent="preview" variant="secondary">
            {t('content.action.preview')}
          </IntentButton>
          {item?.status !== 'published' && (
            <IntentButton intent="publish" variant="secondary">
              {t('content.action.publish')}
            </IntentButton>
          )}
          <IntentButton intent="schedule" variant="secondary">
            {t('content.action.schedule')}
          </IntentButton>
          {item && item.status !== 'draft' && (
            <IntentButton intent="unpublish" variant="danger">
              {t('content.action.unpublish')}
            </IntentButton>
          )}
        </div>
      </Form>
    </Layout>
  );
}
