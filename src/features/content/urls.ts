import { href } from '../../server/route-contract';
import { contentRoutes, publicContentRoutes } from './route-table';

/** The kinds of hub content. */
export type ContentType = keyof typeof publicContentRoutes;

/** Every content type, in the order admins see them. */
export const CONTENT_TYPES: readonly ContentType[] = ['news', 'collection', 'curriculum', 'postcard', 'story', 'page'];

/** True when the value names a content type. */
export function isContentType(value: unknown): value is ContentType {
  return typeof value === 'string' && (CONTENT_TYPES as readonly string[]).includes(value);
}

/** The public list of one type, e.g. `/resources`. */
export function typeListPath(type: ContentType): string {
  return href(publicContentRoutes[type].list);
}

/** The public page of one item, e.g. `/resources/makerspace-and-digital-media-lab-resources`. */
export function contentPath(type: ContentType, slug: string): string {
  return href(publicContentRoutes[type].item, { slug });
}

/** The public page of a tag. */
export function tagPath(slug: string): string {
  return href(contentRoutes.tag, { tag: slug });
}
