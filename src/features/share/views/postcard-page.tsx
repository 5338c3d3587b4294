import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { Markdown } from '../../../ui/markdown';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import type { Photo } from '../../photos/service';
import { sharePaths, type Postcard } from '../service';
import { PhotoFigure } from './photos';
import { PostcardStatus } from './status';
import { href } from '../../../server/route-contract';
import { shareRoutes } from '../route-table';

interface PostcardPageProps {
  library: WorkspaceLibrary;
  postcard: Postcard;
  photo: Photo | undefined;
  comments: Comment[];
  /** Why publishing was refused, shown above the actions. */
  error?: string;
}

/** One postcard as it will read on the hub, with its state, actions and comment thread. */
export function PostcardPage({ library, postcard, photo, comments, error }: PostcardPageProps) {
  const { t, locale, timeZone, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="share" title={postcard.title}>
      {error && (
        <div class="error-summary" role="alert" aria-labelledby="publish-error-title" tabIndex={-1}>
          <h2 id="publish-error-title">{t('form.errorSummary.title')}</h2>
          <p class="error-message">{error}</p>
        </div>
      )}
      <SummaryList
        items={[
          [t('share.postcard.status'), <PostcardStatus postcard={postcard} />],
          [t('share.postcard.updated'), formatDateTime(postcard.updatedAt, locale, timeZone)],
          [
            t('share.postcard.hub'),
            postcard.publishedAt && postcard.hubPath ? (
              <a href={postcard.hubPath}>{t('share.hub.link', { title: postcard.title })}</a>
            ) : (
              t('share.hub.none')
            ),
          ],
        ]}
      />
      {abilities.work && (
        <div class="share-actions">
          <ul class="share-links">
            <li>
              <a href={href(shareRoutes.editPostcard, { library: library.slug, postcard: postcard.id })}>{t('share.postcard.edit')}</a>
            </li>
          </ul>
          {(!postcard.publishedAt || postcard.changedSincePublished) && (
            <Form action={href(shareRoutes.publishPostcard, { library: library.slug, postcard: postcard.id })} label={t('share.postcard.publish')}>
              <SubmitButton>{t(postcard.publishedAt ? 'share.postcard.publishAgain' : 'share.postcard.publish')}</SubmitButton>
            </Form>
          )}
          {postcard.publishedAt && (
            <Form action={href(shareRoutes.unpublishPostcard, { library: library.slug, postcard: postcard.id })} label={t('share.postcard.unpublish')}>
              <SubmitButton variant="secondary">{t('share.postcard.unpublish')}</SubmitButton>
            </Form>
          )}
        </div>
      )}
      <section aria-labelledby="postcard-preview" class="share-postcard">
        <h2 id="postcard-preview">{t('share.postcard.preview')}</h2>
        {photo && <PhotoFigure library={library} photo={photo} />}
        <Markdown source={postcard.body} />
      </section>
      <p>
        <a href={sharePaths.overview(library)}>{t('share.postcard.back')}</a>
      </p>
      <CommentThread library={library} type="postcard" id={postcard.id} comments={comments} />
    </WorkspaceLayout>
  );
}
