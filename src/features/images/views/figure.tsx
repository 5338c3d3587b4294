import { usePage } from '../../../ui/context';
import type { ImageInfo } from '../service';
import { href } from '../../../server/route-contract';
import { imagesRoutes } from '../route-table';

/** Fits the reading column (68rem, less padding) on wide screens, the screen width on narrow ones. */
const DEFAULT_SIZES = '(min-width: 68rem) 66rem, 100vw';

/** The address of one variant of an image. */
export function variantUrl(id: string, width: number, format: 'webp' | 'jpg'): string {
  return href(imagesRoutes.file, { image: id, file: `${width}.${format}` });
}

/** A `srcset` listing every width of an image in one format. */
function srcset(image: ImageInfo, format: 'webp' | 'jpg'): string {
  return image.widths.map((w) => `${variantUrl(image.id, w, format)} ${w}w`).join(', ');
}

/**
 * An image as a responsive picture: WebP for browsers that read it, JPEG for
 * the rest, each at every width, so a phone on a slow connection downloads
 * the smallest copy that fills its screen. The width and height attributes
 * reserve the space before the file arrives, so text does not jump.
 */
export function ImagePicture({ image, sizes = DEFAULT_SIZES, lazy = true }: { image: ImageInfo; sizes?: string; lazy?: boolean }) {
  // The fallback src is the middle width: good enough for browsers that ignore srcset.
  const fallback = image.widths[Math.floor((image.widths.length - 1) / 2)] ?? image.width;
  return (
    <picture>
      <source type="image/webp" srcset={srcset(image, 'webp')} sizes={sizes} />
      <img
        src={variantUrl(image.id, fallback, 'jpg')}
        srcset={srcset(image, 'jpg')}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}

/** Width of a thumbnail in the admin list, in CSS pixels. */
const THUMBNAIL_WIDTH = 160;

/**
 * A small decorative copy of an image (empty alt), for lists that show the
 * alt text beside it. Its size comes from its attributes, so it needs no CSS.
 */
export function Thumbnail({ image }: { image: ImageInfo }) {
  const smallest = image.widths[0] ?? image.width;
  const width = Math.min(THUMBNAIL_WIDTH, image.width);
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  return (
    <picture>
      <source type="image/webp" srcset={variantUrl(image.id, smallest, 'webp')} />
      <img src={variantUrl(image.id, smallest, 'jpg')} alt="" width={width} height={height} loading="lazy" decoding="async" />
    </picture>
  );
}

/** The caption crediting an image: "Photo: Eswift, CC BY 2.0", the licence linked when it has an address. */
export function ImageCredit({ image }: { image: ImageInfo }) {
  const { t } = usePage();
  if (!image.credit && !image.licence) return null;
  const licence =
    image.licence && image.licenceUrl ? (
      <a href={image.licenceUrl} rel="license noopener">
        {image.licence}
      </a>
    ) : (
      image.licence
    );
  return (
    <>
      {image.credit && t('images.caption.credit', { credit: image.credit })}
      {image.credit && image.licence && ', '}
      {licence}
    </>
  );
}

/** An image with its credit and licence as a caption. */
export function ImageFigure({ image, sizes, lazy }: { image: ImageInfo; sizes?: string; lazy?: boolean }) {
  const hasCaption = image.credit !== '' || image.licence !== '';
  return (
    <figure class="image">
      <ImagePicture image={image} sizes={sizes} lazy={lazy} />
      {hasCaption && (
        <figcaption>
          <ImageCredit image={image} />
        </figcaption>
      )}
    </figure>
  );
}
