import type { ComponentChildren } from 'preact';
import { usePage } from '../../../ui/context';
import { Paragraphs } from '../../../ui/paragraphs';
import { Pagination, type Page } from '../../../ui/pagination';
import { SummaryList } from '../../../ui/table';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { CommentThread } from '../../../ui/workspace/comments';
import type { Comment } from '../../workspace/service';
import { PhotoStrip } from '../../photos/views/photo-strip';
import { newPhotoPath } from '../../photos/urls';
import type { Photo } from '../../photos/service';
import { ideaPath, ideatePath, type Idea, type Prototype, type TestSession } from '../service';
import { decisionLabel } from './decision-text';
import { href } from '../../../server/route-contract';
import { prototypesRoutes } from '../route-table';
import { surveysRoutes } from '../../surveys/route-table';

interface PrototypePageProps {
  library: WorkspaceLibrary;
  prototype: Prototype;
  idea: Idea | undefined;
  /** Who recorded the decision, when known. */
  deciderName: string | undefined;
  sessions: Page<TestSession>;
  /** Titles of the library's surveys by id, for the sessions that link one. */
  surveyTitles: Map<string, string>;
  photos: Photo[];
  comments: Comment[];
}

/** One prototype: details, photos, test sessions (newest first), the decision and comments. */
export function PrototypePage(props: PrototypePageProps) {
  const { library, prototype, idea, deciderName, sessions, surveyTitles, photos, comments } = props;
  const { t, locale, timeZone, abilities } = usePage();
  const sessionDetails = (session: TestSession): Array<[string, ComponentChildren]> => {
    const details: Array<[string, ComponentChildren]> = [
      [t('prototypes.field.patrons'), formatNumber(session.patrons, locale)],
      [t('prototypes.field.observations'), session.observations ? <Paragraphs text={session.observations} /> : t('common.none')],
      [t('prototypes.field.feedback'), session.feedback ? <Paragraphs text={session.feedback} /> : t('common.none')],
    ];
    if (session.surveyId) {
      const title = surveyTitles.get(session.surveyId) ?? t('prototypes.session.survey');
      details.push([
        t('prototypes.field.survey'),
        <a href={href(surveysRoutes.results, { library: library.slug, survey: session.surveyId })}>
          {t('prototypes.session.surveyResults', { title })}
        </a>,
      ]);
    }
    return details;
  };
  return (
    <WorkspaceLayout library={library} section="ideate" title={prototype.title}>
      <p>
        <a href={ideatePath(library)}>{t('prototypes.back')}</a>
      </p>
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={href(prototypesRoutes.editPrototype, { library: library.slug, prototype: prototype.id })}>
            {t('prototypes.prototype.edit')}
          </a>
          <a href={href(prototypesRoutes.deletePrototype, { library: library.slug, prototype: prototype.id })}>{t('prototypes.prototype.delete')}</a>
        </p>
      )}
      {prototype.description && <Paragraphs text={prototype.description} />}
      <SummaryList
        items={[
          [t('prototypes.field.idea'), idea ? <a href={ideaPath(library, idea.id)}>{idea.title}</a> : t('prototypes.idea.none')],
          [t('prototypes.field.materials'), prototype.materials ? <Paragraphs text={prototype.materials} /> : t('common.none')],
          [t('prototypes.column.cost'), formatMoney(prototype.costCents, locale)],
        ]}
      />

      <h2>{t('prototypes.decision.heading')}</h2>
      <p class="decision">
        <strong>{t(decisionLabel(prototype.decision))}</strong>
      </p>
      {prototype.decision && (
        <>
          <Paragraphs text={prototype.reason} />
          {prototype.decidedAt && (
            <p class="hint">
              {t('prototypes.decision.by', {
                name: deciderName ?? t('prototypes.decision.someone'),
                when: formatDateTime(prototype.decidedAt, locale, timeZone),
              })}
            </p>
          )}
        </>
      )}
      {abilities.work && (
        <p>
          <a class="button button-secondary" href={href(prototypesRoutes.decision, { library: library.slug, prototype: prototype.id })}>
            {prototype.decision ? t('prototypes.decision.edit') : t('prototypes.decision.record')}
          </a>
        </p>
      )}

      <h2>{t('prototypes.photos.heading')}</h2>
      {photos.length === 0 && <p class="empty">{t('prototypes.photos.empty')}</p>}
      <PhotoStrip library={library} photos={photos} />
      {abilities.work && (
        <p>
          <a href={newPhotoPath(library, { type: 'prototype', id: prototype.id })}>
            {t('prototypes.photos.add')}
          </a>
        </p>
      )}

      <h2 id="sessions">{t('prototypes.sessions.heading')}</h2>
      {abilities.work && (
        <p>
          <a class="button button-secondary" href={href(prototypesRoutes.newSession, { library: library.slug, prototype: prototype.id })}>
            {t('prototypes.session.add')}
          </a>
        </p>
      )}
      {sessions.items.length === 0 && <p class="empty">{t('prototypes.sessions.empty')}</p>}
      {sessions.items.map((session) => (
        <article class="test-session" key={session.id} aria-labelledby={`session-${session.id}`}>
          <h3 id={`session-${session.id}`}>
            {t('prototypes.session.heading', { date: formatDate(session.heldOn, locale), place: session.place })}
          </h3>
          <SummaryList items={sessionDetails(session)} />
          {abilities.work && (
            <p class="actions">
              <a href={href(prototypesRoutes.editSession, { library: library.slug, prototype: prototype.id, session: session.id })}>
                {t('prototypes.session.edit', { date: formatDate(session.heldOn, locale) })}
              </a>
              <a href={href(prototypesRoutes.deleteSession, { library: library.slug, prototype: prototype.id, session: session.id })}>
                {t('prototypes.session.delete', { date: formatDate(session.heldOn, locale) })}
              </a>
            </p>
          )}
        </article>
      ))}
      <Pagination page={sessions.page} pages={sessions.pages} />

      <CommentThread library={library} type="prototype" id={prototype.id} comments={comments} />
    </WorkspaceLayout>
  );
}
