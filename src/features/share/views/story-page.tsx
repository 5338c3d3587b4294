import { usePage } from '../../../ui/context';
import { ConfirmForm } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import type { Photo } from '../../photos/service';
import { sharePaths, type Story } from '../service';
import { StoryBody } from './story-body';
import { StoryActions } from './story-actions';
import { storyStatusKey } from './status';
import { href } from '../../../server/route-contract';
import { shareRoutes } from '../route-table';

interface StoryPageProps {
  library: WorkspaceLibrary;
  story: Story;
  beforePhotos: Photo[];
  afterPhotos: Photo[];
  comments: Comment[];
  /** Why approval was refused, e.g. a photo without release. */
  error?: string;
}

/** The transformation story as it will read on the hub, with its state, actions and comment thread. */
export function StoryPage(props: StoryPageProps) {
  const { library, story, beforePhotos, afterPhotos, comments, error } = props;
  const { t, locale, timeZone, abilities } = usePage();
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <WorkspaceLayout library={library} section="share" title={story.title}>
      {error && (
        <div class="error-summary" role="alert" aria-labelledby="approve-error-title" tabIndex={-1}>
          <h2 id="approve-error-title">{t('form.errorSummary.title')}</h2>
          <p class="error-message">{error}</p>
        </div>
      )}
      <p>
        {t('share.story.state', { status: t(storyStatusKey(story.status)) })}{' '}
        {story.status === 'submitted' && story.submittedAt && t('share.story.submittedAt', { date: when(story.submittedAt) })}
        {story.status === 'published' && story.approvedAt && t('share.story.approvedAt', { date: when(story.approvedAt) })}
      </p>
      {story.status === 'submitted' && !abilities.publish && <p>{t('share.story.waiting')}</p>}
      <StoryActions library={library} story={story} />
      <StoryBody library={library} story={story} beforePhotos={beforePhotos} afterPhotos={afterPhotos} />
      <p>
        <a href={sharePaths.overview(library)}>{t('share.postcard.back')}</a>
      </p>
      <CommentThread library={library} type="story" id={story.id} comments={comments} />
    </WorkspaceLayout>
  );
}

/** Asks before replacing the story's text with a new draft from the workspace. */
export function AssembleConfirmPage({ library, story }: { library: WorkspaceLibrary; story: Story }) {
  const { t } = usePage();
  const path = sharePaths.story(library);
  return (
    <WorkspaceLayout library={library} section="share" title={t('share.story.confirmTitle')}>
      <div class="narrow">
        <p>{t('share.story.confirmBody')}</p>
        {story.status === 'published' && <p>{t('share.story.confirmPublished')}</p>}
        <ConfirmForm action={href(shareRoutes.assembleStory, { library: library.slug })} submit={t('share.story.confirmSubmit')} cancel={path}>
          <input type="hidden" name="confirm" value="yes" />
        </ConfirmForm>
      </div>
    </WorkspaceLayout>
  );
}
