import { renderToString } from 'preact-render-to-string';
import { translator, type Locale } from '../../i18n';
import type { IssueContent } from './views/issue-content';
import { IssueBody } from './views/issue-content';

/** Everything one recipient's copy of an issue is made from. */
export interface IssueEmailInput {
  content: IssueContent;
  locale: Locale;
  publicUrl: string;
  /** The recipient's own unsubscribe page; absent for a test copy. */
  unsubscribeUrl: string | undefined;
}

/** Escapes text for an HTML document's title. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML and plain-text parts of an issue for one recipient. The HTML uses
 * no styles, so every mail client (and a screen reader) shows plain,
 * well-structured text; the plain part keeps the Markdown, which reads well as is.
 */
export function composeIssueEmail({ content, locale, publicUrl, unsubscribeUrl }: IssueEmailInput) {
  const t = translator(locale);
  const unsubscribe = unsubscribeUrl ?? `${publicUrl}/newsletter`;
  const body = renderToString(
    <IssueBody content={content} t={t} publicUrl={publicUrl} headingLevel={1} unsubscribeUrl={unsubscribe} />,
  );
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(content.subject)}</title></head><body>${body}</body></html>`;

  const lines = [content.subject, '='.repeat(Math.min(content.subject.length, 70)), ''];
  if (content.intro.trim()) lines.push(content.intro.trim(), '');
  for (const item of content.items) {
    lines.push(`## ${item.title}`, '');
    if (item.summary) lines.push(item.summary, '');
    lines.push(`${t('newsletter.email.readMore')}: ${publicUrl}${item.path}`, '');
  }
  lines.push('--', t('newsletter.email.why'), `${t('newsletter.email.unsubscribe')}: ${unsubscribe}`);
  return { subject: content.subject, html, text: lines.join('\n') };
}
