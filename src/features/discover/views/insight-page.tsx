import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { Paragraphs } from '../../../ui/paragraphs';
import { formatDateTime } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import { insightTitle, type Insight } from '../service';
import { insightPath, insightsPath } from '../urls';
import { ActivityLink, ThemeLinks } from './parts';

interface InsightPageProps {
  library: WorkspaceLibrary;
  insight: Insight;
  comments: Comment[];
}

/** One insight in full, with its themes, its activity and its comment thread. */
export function InsightPage({ library, insight, comments }: InsightPageProps) {
  const { t, locale, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="discover" title={insightTitle(insight.text, 60)}>
      <p>
        <a href={insightsPath(library)}>{t('discover.insight.back')}</a>
      </p>
      <blockquote class="discover-insight">
        <Paragraphs text={insight.text} />
      </blockquote>
      <SummaryList
        items={[
          [t('discover.field.themes'), <ThemeLinks library={library} themes={insight.themes} />],
          [t('discover.field.activity'), <ActivityLink library={library} activity={insight.activity} />],
          [t('discover.insight.recorded'), formatDateTime(insight.createdAt, locale, library.timeZone)],
        ]}
      />
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={insightPath(library, insight.id, 'edit')}>
            {t('discover.insight.edit')}
          </a>
          <a class="button button-secondary" href={insightPath(library, insight.id, 'delete')}>
            {t('discover.insight.delete')}
          </a>
        </p>
      )}
      <CommentThread library={library} type="insight" id={insight.id} comments={comments} />
    </WorkspaceLayout>
  );
}
