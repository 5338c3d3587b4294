import { usePage } from './context';

interface SeoHeadProps {
  title: string;
  description: string;
  /** The page's path, e.g. /news/makerspace-resources. */
  path: string;
  /** An absolute or site-relative image address for link previews. */
  image?: string;
  /** OpenGraph type: `article` for items, `website` otherwise. */
  type?: 'article' | 'website';
  /** A schema.org object for this page, e.g. { '@type': 'NewsArticle', … }. */
  jsonLd?: Record<string, unknown>;
}

/** Escapes `<` so JSON-LD can never close its script element early. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Link-preview and search-engine tags for a page's <head>: canonical URL,
 * OpenGraph, and schema.org JSON-LD (a data block, which the strict CSP
 * allows because browsers never execute it).
 */
export function SeoHead({ title, description, path, image, type = 'website', jsonLd }: SeoHeadProps) {
  const { publicUrl, locale, t } = usePage();
  const url = `${publicUrl}${path}`;
  const imageUrl = image && (image.startsWith('http') ? image : `${publicUrl}${image}`);
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content={t('site.name')} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:type" content={type} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={locale === 'es' ? 'es_US' : 'en_US'} />
      {imageUrl && <meta property="og:image" content={imageUrl} />}
      {jsonLd && (
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: safeJson({ '@context': 'https://schema.org', url, ...jsonLd }) }}
        />
      )}
    </>
  );
}
