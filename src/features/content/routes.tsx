import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { emptyForm, validateForm, type FormResult, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { formatDateTime } from '../../i18n/format';
import { addError, itemFormValues, PreviewForm, readItemForm, TagForm, type ItemSubmission } from './schema';
import { renderMarkdown } from '../../ui/markdown';
import { TagExistsError, UnknownReferenceError, type AdminItem, type ItemStatus } from './service';
import { contentRoutes as paths, publicContentRoutes } from './route-table';
import { CONTENT_TYPES, isContentType, type ContentType } from './urls';
import { AdminListPage } from './views/admin-list-page';
import { ItemFormPage, type ItemFormChoices } from './views/item-form-page';
import { ItemPage, PreviewPage } from './views/item-page';
import { TypeListPage, TagPage } from './views/list-page';
import { RevisionPage, RevisionsPage } from './views/revisions-page';
import { TagsPage } from './views/tags-page';

const STATUSES: readonly ItemStatus[] = ['draft', 'scheduled', 'published'];
const REFERENCE_FIELDS = { tags: 'content.error.unknownTags', library: 'content.error.unknownLibrary', image: 'content.error.unknownImage' } as const;

/** Hub content: the admin pages to write and publish it, and the public pages that show it. */
export async function contentRoutes(app: FastifyInstance) {
  const { content, libraries, images } = app.services;

  /** The item named by `:item`, or a 404. */
  async function itemFrom(id: string): Promise<AdminItem> {
    const item = await content.getItem(id);
    if (!item) throw new HttpError(404);
    return item;
  }

  /** What the item form offers: libraries, the newest images (and the item's own), tags. */
  async function choicesFor(item?: AdminItem): Promise<ItemFormChoices> {
    const [all, recentImages, tags, current] = await Promise.all([
      libraries.allLibraries(),
      images.listImages(1),
      content.listTags(),
      item?.imageId ? images.getImage(item.imageId) : undefined,
    ]);
    const imageList = current && !recentImages.items.some((i) => i.id === current.id) ? [current, ...recentImages.items] : recentImages.items;
    return {
      libraries: all.map((l) => ({ value: l.id, label: l.name })),
      images: imageList.map((i) => ({ value: i.id, label: i.alt })),
      tags,
    };
  }

  const timeZoneOf = (request: FastifyRequest) => request.actor?.timeZone ?? 'UTC';

  /**
   * Handles a posted item form: Preview re-renders it; the other buttons save
   * (creating the item when new) and then publish, schedule or unpublish.
   * Errors re-render the form with everything that was typed.
   */
  async function submitItem(request: FastifyRequest, reply: FastifyReply, type: ContentType, existing?: AdminItem) {
    const { t } = request;
    const render = async (form: FormState, status: number, preview = false) =>
      reply.view(<ItemFormPage type={type} item={existing} form={form} choices={await choicesFor(existing)} preview={preview} />, status);

    let form: FormResult<ItemSubmission> = readItemForm(request.body, t, type, timeZoneOf(request));
    if (form.values.intent === 'preview') return render({ values: form.values, errors: {} }, 200, true);
    if (!form.ok) return render(form, 400);
    const { input, intent, publishAt } = form.value;
    const writer = request.actor;
    let id: string;
    try {
      if (existing) {
        await content.updateItem(existing.id, input, writer);
        id = existing.id;
      } else {
        id = (await content.createItem({ type, ...input }, writer)).id;
      }
    } catch (error) {
      if (!(error instanceof UnknownReferenceError)) throw error;
      form = addError(form, error.field, t(REFERENCE_FIELDS[error.field]));
      return render(form as FormState, 400);
    }
    let message = t('content.flash.saved', { title: input.title });
    if (intent === 'publish') {
      await content.publish(id, undefined, writer);
      message = t('content.flash.published', { title: input.title });
    } else if (intent === 'schedule' && publishAt) {
      await content.publish(id, publishAt, writer);
      message = t('content.flash.scheduled', { title: input.title, date: formatDateTime(publishAt, request.locale, timeZoneOf(request)) });
    } else if (intent === 'unpublish') {
      await content.unpublish(id, writer);
      message = t('content.flash.unpublished', { title: input.title });
    }
    return reply.flash('success', message).redirect(href(paths.edit, { item: id }), 303);
  }

  // Admin pages.

  addRoute(app, paths.admin, async (request, reply) => {
    const q = request.query;
    const type = isContentType(q.type) ? q.type : undefined;
    const status = STATUSES.find((s) => s === q.status);
    const result = await content.listItems({ type, status }, pageNumber(q.page));
    return reply.view(<AdminListPage result={result} filter={{ type, status }} />);
  });

  // The editor's live preview (public/markdown-preview.js): the same
  // rendering and sanitising visitors get, as an HTML fragment.
  addRoute(app, paths.preview, async (request, reply) => {
    const form = validateForm(PreviewForm, request.body, request.t);
    if (!form.ok) throw new HttpError(400);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMarkdown(form.value.body ?? ''));
  });

  addRoute(app, paths.new, async (request, reply) => {
    const type = request.query.type;
    if (!isContentType(type)) throw new HttpError(404);
    return reply.view(<ItemFormPage type={type} form={emptyForm({ tags: [] })} choices={await choicesFor()} />);
  });

  addRoute(app, paths.create, async (request, reply) => {
    const type = request.query.type;
    if (!isContentType(type)) throw new HttpError(404);
    return submitItem(request, reply, type);
  });

  addRoute(app, paths.tags, async (_request, reply) => {
    return reply.view(<TagsPage tags={await content.listTags()} form={emptyForm()} />);
  });

  addRoute(app, paths.createTag, async (request, reply) => {
    let form = validateForm(TagForm, request.body, request.t);
    if (form.ok) {
      try {
        const tag = await content.createTag(form.value);
        return reply.flash('success', request.t('content.flash.tagCreated', { name: tag.name })).redirect(href(paths.tags), 303);
      } catch (error) {
        if (!(error instanceof TagExistsError)) throw error;
        form = addError(form, 'name', request.t('content.tags.exists'));
      }
    }
    return reply.view(<TagsPage tags={await content.listTags()} form={form as FormState} />, 400);
  });

  addRoute(app, paths.edit, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    const form = emptyForm(itemFormValues(item, item, timeZoneOf(request)));
    return reply.view(<ItemFormPage type={item.type} item={item} form={form} choices={await choicesFor(item)} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    return submitItem(request, reply, item.type, item);
  });

  addRoute(app, paths.itemPreview, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    const shown = await content.preview(item.id);
    if (!shown) throw new HttpError(404);
    const image = shown.imageId ? await images.getImage(shown.imageId) : undefined;
    return reply.view(<PreviewPage item={shown} image={image} status={item.status} editPath={href(paths.edit, { item: item.id })} />);
  });

  addRoute(app, paths.revisions, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    return reply.view(<RevisionsPage item={item} revisions={await content.listRevisions(item.id)} />);
  });

  addRoute(app, paths.revision, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    const [revision, tags] = await Promise.all([
      content.getRevision(item.id, request.params.revision),
      content.listTags(),
    ]);
    if (!revision) throw new HttpError(404);
    return reply.view(<RevisionPage item={item} revision={revision} tags={tags} />);
  });

  addRoute(app, paths.restore, async (request, reply) => {
    const item = await itemFrom(request.params.item);
    const revision = await content.getRevision(item.id, request.params.revision);
    if (!revision) throw new HttpError(404);
    await content.restoreRevision(item.id, revision.id, request.actor);
    const message = request.t('content.flash.restored', { number: revision.number, title: revision.snapshot.title });
    return reply.flash('success', message).redirect(href(paths.edit, { item: item.id }), 303);
  });

  // Public pages: the same for every visitor, so they may be served from the page cache.

  for (const type of CONTENT_TYPES) {
    const routes = publicContentRoutes[type];
    addRoute(app, routes.list, async (request, reply) => {
      const result = await content.listPublished({ type }, pageNumber(request.query.page));
      return reply.view(<TypeListPage type={type} result={result} />);
    });

    addRoute(app, routes.item, async (request, reply) => {
      const item = await content.getPublished(type, request.params.slug);
      if (!item) throw new HttpError(404);
      const image = item.imageId ? await images.getImage(item.imageId) : undefined;
      return reply.view(<ItemPage item={item} image={image} />);
    });
  }

  addRoute(app, paths.tag, async (request, reply) => {
    const tag = await content.getTag(request.params.tag);
    if (!tag) throw new HttpError(404);
    const result = await content.listPublished({ tag: tag.slug }, pageNumber(request.query.page));
    return reply.view(<TagPage tag={tag} result={result} />);
  });
}
