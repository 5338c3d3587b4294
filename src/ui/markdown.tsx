import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One parser for the whole product: GitHub-flavoured Markdown, no raw HTML
// passes the sanitizer unless it is on the list below.
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * What user-written Markdown may become. No scripts, styles, event handlers,
 * iframes or forms; links only to http(s), mailto and same-site paths;
 * images only from this site or https.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['scope'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // Headings in user text start at h2: the page's own title is the only h1.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

/** Renders user Markdown to HTML that is safe to put in a page. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}

/** The plain text of Markdown, for excerpts, search and plain-text email. */
export function markdownToText(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shows rendered, sanitized Markdown. The only place the product renders stored HTML. */
export function Markdown({ source, class: className = 'prose' }: { source: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
