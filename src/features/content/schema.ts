import Type from 'typebox';
import { validateForm, type FormResult, type FormValues } from '../../ui/forms';
import type { Translate } from '../../i18n';
import type { AdminItem, ContentInput, ContentLink, TagKind } from './service';
import type { ContentType } from './urls';
import { localToUtc, utcToLocal } from '../../i18n/time';

export const MAX_LINKS = 100;
const MAX_LINK_LINE = 2_500;

/** What the buttons of the item form ask for. */
export type Intent = 'preview' | 'save' | 'publish' | 'schedule' | 'unpublish';

const Markdown = (title: 'content.field.body' | 'content.field.before' | 'content.field.during' | 'content.field.after') =>
  Type.Optional(Type.String({ maxLength: 50_000, title }));

export const ItemForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, title: 'content.field.title', errorMessage: 'content.error.title' }),
  summary: Type.Optional(Type.String({ maxLength: 500, title: 'content.field.summary' })),
  body: Type.String({ minLength: 1, maxLength: 50_000, title: 'content.field.body', errorMessage: 'content.error.body' }),
  library: Type.Optional(Type.String({ maxLength: 100, title: 'content.field.library' })),
  image: Type.Optional(Type.String({ maxLength: 100, title: 'content.field.image' })),
  tags: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, title: 'content.field.tags' }),
  links: Type.Optional(Type.String({ maxLength: 100_000, title: 'content.field.links' })),
  before: Markdown('content.field.before'),
  during: Markdown('content.field.during'),
  after: Markdown('content.field.after'),
  publishAt: Type.Optional(Type.String({ maxLength: 16, title: 'content.field.publishAt', errorMessage: 'content.error.publishAt' })),
  intent: Type.Union(
    [Type.Literal('preview'), Type.Literal('save'), Type.Literal('publish'), Type.Literal('schedule'), Type.Literal('unpublish')],
    { title: 'content.field.intent', errorMessage: 'content.error.intent' },
  ),
});

export const TagForm = Type.Object({
  kind: Type.Union([Type.Literal('topic'), Type.Literal('phase'), Type.Literal('audience')], {
    title: 'content.tags.kind',
    errorMessage: 'content.tags.error.kind',
  }),
  name: Type.String({ minLength: 1, maxLength: 80, title: 'content.tags.name', errorMessage: 'content.tags.error.name' }),
});

export type TagFormValue = { kind: TagKind; name: string };

/** A validated item form: the fields to save, the button pressed and, to schedule, the UTC time. */
export interface ItemSubmission {
  input: ContentInput;
  intent: Intent;
  publishAt: string | undefined;
}

/** Adds an error to a field unless validation already found one there. */
export function addError<T>(form: FormResult<T>, field: string, message: string): FormResult<T> {
  const errors = form.ok ? {} : form.errors;
  return { ok: false, errors: { ...errors, [field]: errors[field] ?? message }, values: form.values };
}

/** Parses "Title | https://address | description" lines; the first problem found is reported. */
export function parseLinks(text: string, t: Translate): { links: ContentLink[] } | { error: string } {
  const lines = text.split(/\r?\n/);
  const links: ContentLink[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const number = index + 1;
    if (line.length > MAX_LINK_LINE) return { error: t('content.error.linkTooLong', { line: number }) };
    const [title = '', url = '', ...rest] = line.split('|').map((part) => part.trim());
    if (!title || !url) return { error: t('content.error.linkFormat', { line: number }) };
    if (!isWebAddress(url)) return { error: t('content.error.linkUrl', { line: number }) };
    links.push({ title, url, description: rest.join(' | ') });
    if (links.length > MAX_LINKS) return { error: t('content.error.tooManyLinks', { max: MAX_LINKS }) };
  }
  return { links };
}

/** True for a full http(s) address such as https://example.org/page. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** How far ahead an item may be scheduled: a time beyond it is a typo (9999-12-31), not a plan. */
export const MAX_SCHEDULE_YEARS = 5;

/** Why a publication time cannot be used, or undefined when it can. */
function scheduleProblem(publishAt: string, now: Date): 'content.error.publishAtPast' | 'content.error.publishAtFar' | undefined {
  // Compared as numbers: ISO text of years past 9999 ("+010000-…") does not sort as text.
  const at = Date.parse(publishAt);
  if (at <= now.getTime()) return 'content.error.publishAtPast';
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_SCHEDULE_YEARS);
  if (at > latest.getTime()) return 'content.error.publishAtFar';
  return undefined;
}

/**
 * Validates the item form for an item of `type`. Fields a type does not
 * have (links, sections, library) are ignored for it. The publication time
 * is read in the editor's time zone and must be in the future, at most
 * `MAX_SCHEDULE_YEARS` ahead.
 */
export function readItemForm(body: unknown, t: Translate, type: ContentType, timeZone: string): FormResult<ItemSubmission> {
  const validated = validateForm(ItemForm, body, t);
  const values = validated.values;
  let form: FormResult<unknown> = validated;
  let links: ContentLink[] = [];
  if (type === 'collection' && typeof values.links === 'string') {
    const parsed = parseLinks(values.links, t);
    if ('error' in parsed) form = addError(form, 'links', parsed.error);
    else links = parsed.links;
  }
  let publishAt: string | undefined;
  if (values.intent === 'schedule') {
    const local = typeof values.publishAt === 'string' ? values.publishAt.trim() : '';
    publishAt = localToUtc(local, timeZone);
    const problem = publishAt === undefined ? 'content.error.publishAt' : scheduleProblem(publishAt, new Date());
    if (problem) form = addError(form, 'publishAt', t(problem, { years: MAX_SCHEDULE_YEARS }));
  }
  if (!form.ok) return form;
  if (!validated.ok) return validated;
  const { value } = validated;
  const withLibrary = type === 'postcard' || type === 'story';
  return {
    ok: true,
    values,
    value: {
      intent: value.intent,
      publishAt,
      input: {
        title: value.title,
        summary: value.summary ?? '',
        body: value.body,
        libraryId: withLibrary ? (value.library ?? null) : null,
        imageId: value.image ?? null,
        links,
        sections: type === 'story' ? { before: value.before ?? '', during: value.during ?? '', after: value.after ?? '' } : null,
        tagIds: [...new Set(value.tags)],
      },
    },
  };
}

/** Links back as the textarea's lines. */
export function linksText(links: ContentLink[]): string {
  return links.map((l) => [l.title, l.url, l.description].filter(Boolean).join(' | ')).join('\n');
}

/** An item's (or a revision's) fields as form values, to edit them. */
export function itemFormValues(input: ContentInput, item: Pick<AdminItem, 'publishedAt'> | undefined, timeZone: string): FormValues {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    library: input.libraryId ?? '',
    image: input.imageId ?? '',
    tags: input.tagIds,
    links: linksText(input.links),
    before: input.sections?.before ?? '',
    during: input.sections?.during ?? '',
    after: input.sections?.after ?? '',
    publishAt: item?.publishedAt && item.publishedAt > new Date().toISOString() ? utcToLocal(item.publishedAt, timeZone) : '',
  };
}

/** The live preview's request: just the Markdown being typed. */
export const PreviewForm = Type.Object({
  body: Type.Optional(Type.String({ maxLength: 50_000, title: 'content.field.body' })),
});
