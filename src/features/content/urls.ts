/** The kinds of hub content. */
export type ContentType = 'news' | 'collection' | 'curriculum' | 'postcard' | 'story' | 'page';

/** Every content type, in the order admins see them. */
export const CONTENT_TYPES: readonly ContentType[] = ['news', 'collection', 'curriculum', 'postcard', 'story', 'page'];

/** The address segment of each type; collections read as "resources" to visitors. */
const SEGMENTS: Record<ContentType, string> = {
  news: 'news',
  collection: 'resources',
  curriculum: 'curriculum',
  postcard: 'postcards',
  story: 'stories',
  page: 'pages',
};

/** True when the value names a content type. */
export function isContentType(value: unknown): value is ContentType {
  return typeof value === 'string' && (CONTENT_TYPES as readonly string[]).includes(value);
}

/** The public list of one type, e.g. `/resources`. */
export function typeListPath(type: ContentType): string {
  return `/${SEGMENTS[type]}`;
}

/** The public page of one item, e.g. `/resources/makerspace-and-digital-media-lab-resources`. */
export function contentPath(type: ContentType, slug: string): string {
  return `${typeListPath(type)}/${slug}`;
}

/** The public page of a tag. */
export function tagPath(slug: string): string {
  return `/tags/${slug}`;
}
