import { Markdown } from '../../../ui/markdown';
import type { Translate } from '../../../i18n';

/** A content item as an issue lists it. */
export interface IssueItem {
  id: string;
  title: string;
  /** Plain-text excerpt. */
  summary: string;
  /** Site path of the item's page, e.g. /news/a-new-makerspace. */
  path: string;
}

/** What an issue says: the same for the email, the preview and the archive. */
export interface IssueContent {
  subject: string;
  /** Markdown. */
  intro: string;
  items: IssueItem[];
}

interface IssueBodyProps {
  content: IssueContent;
  t: Translate;
  /** Prefix for item links: the public address in email, empty on the site. */
  publicUrl: string;
  /** 1 in email and the archive page; 2 inside an admin page that has its own title. */
  headingLevel: 1 | 2;
  /** Shown as the closing line; the archive page has none. */
  unsubscribeUrl?: string;
}

/**
 * The body of an issue. It takes `t` rather than reading the page context
 * because email is rendered outside any request, in the recipient's language.
 */
export function IssueBody({ content, t, publicUrl, headingLevel, unsubscribeUrl }: IssueBodyProps) {
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const ItemTitle = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <article class="newsletter-issue">
      <Title>{content.subject}</Title>
      {content.intro.trim() && <Markdown source={content.intro} />}
      {content.items.length > 0 && (
        <>
          {content.items.map((item) => (
            <section key={item.id}>
              <ItemTitle>
                <a href={`${publicUrl}${item.path}`}>{item.title}</a>
              </ItemTitle>
              {item.summary && <p>{item.summary}</p>}
            </section>
          ))}
        </>
      )}
      {unsubscribeUrl && (
        <footer>
          <hr />
          <p>
            {t('newsletter.email.why')} <a href={unsubscribeUrl}>{t('newsletter.email.unsubscribe')}</a>
          </p>
        </footer>
      )}
    </article>
  );
}
