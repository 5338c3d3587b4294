import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { Paragraphs } from '../../../ui/paragraphs';
import type { Page } from '../../../ui/pagination';
import { formatDate, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import { PhotoStrip } from '../../photos/views/photo-strip';
import { newPhotoPath } from '../../photos/urls';
import type { Photo } from '../../photos/service';
import { kindLabel, type Activity, type Insight } from '../service';
import { activityPath, discoverPath, insightsPath } from '../urls';
import { InsightsTable } from './parts';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../route-table';

interface ActivityPageProps {
  library: WorkspaceLibrary;
  activity: Activity;
  /** The first page of insights drawn from the activity. */
  insights: Page<Insight>;
  photos: Photo[];
  comments: Comment[];
}

/** One activity: its details and notes, the insights drawn from it, its photos and its comment thread. */
export function ActivityPage({ library, activity, insights, photos, comments }: ActivityPageProps) {
  const { t, locale, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="discover" title={activity.title}>
      <p>
        <a href={discoverPath(library)}>{t('discover.activity.back')}</a>
      </p>
      <SummaryList
        items={[
          [t('discover.field.kind'), t(kindLabel(activity.kind))],
          [t('discover.field.date'), formatDate(activity.date, locale)],
          [t('discover.field.place'), activity.place || t('common.none')],
          [t('discover.field.participants'), formatNumber(activity.participants, locale)],
        ]}
      />
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={activityPath(library, activity.id, 'edit')}>
            {t('discover.activity.edit')}
          </a>
          <a class="button button-secondary" href={activityPath(library, activity.id, 'delete')}>
            {t('discover.activity.delete')}
          </a>
        </p>
      )}
      <h2>{t('discover.activity.notes')}</h2>
      {activity.notes ? (
        <div class="discover-notes">
          <Paragraphs text={activity.notes} />
        </div>
      ) : (
        <p>{t('discover.activity.noNotes')}</p>
      )}
      <h2>{t('discover.activity.insights')}</h2>
      <InsightsTable
        library={library}
        insights={insights.items}
        caption={t('discover.activity.insights')}
        empty={t('discover.activity.noInsights')}
        showActivity={false}
      />
      {insights.pages > 1 && (
        <p>
          <a href={insightsPath(library, { activity: activity.id })}>
            {t('discover.overview.allInsights', { total: formatNumber(insights.total, locale) })}
          </a>
        </p>
      )}
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={href(discoverRoutes.newInsight, { library: library.slug }, { activity: activity.id })}>
            {t('discover.activity.addInsight')}
          </a>
        </p>
      )}
      <h2>{t('discover.activity.photos')}</h2>
      {photos.length > 0 ? <PhotoStrip library={library} photos={photos} /> : <p class="empty">{t('discover.activity.noPhotos')}</p>}
      {abilities.work && (
        <p>
          <a href={newPhotoPath(library, { type: 'activity', id: activity.id })}>{t('discover.activity.addPhoto')}</a>
        </p>
      )}
      <CommentThread library={library} type="activity" id={activity.id} comments={comments} />
    </WorkspaceLayout>
  );
}
