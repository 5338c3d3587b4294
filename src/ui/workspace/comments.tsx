import { usePage } from '../context';
import { Form, SubmitButton, TextArea, emptyForm, type FormState } from '../forms';
import { Paragraphs } from '../paragraphs';
import { formatDateTime } from '../../i18n/format';
import type { WorkspaceLibraryRef } from './layout';

/** The longest comment accepted: a few careful paragraphs. The workspace's form schema enforces it too. */
export const MAX_COMMENT_LENGTH = 4000;

/** A comment as its thread shows it. */
export interface ThreadComment {
  id: string;
  /** '' when the author's account no longer exists. */
  authorName: string;
  body: string;
  createdAt: string;
}

interface CommentThreadProps {
  library: Pick<WorkspaceLibraryRef, 'slug'>;
  /** The kind of item, as the workspace's comment threads name it (e.g. `activity`). */
  type: string;
  id: string;
  comments: ThreadComment[];
}

interface CommentFormProps {
  library: Pick<WorkspaceLibraryRef, 'slug'>;
  type: string;
  id: string;
  form: FormState;
}

/** The form that adds a comment to one item: on the item's page, and again when it needs correcting. */
export function CommentForm({ library, type, id, form }: CommentFormProps) {
  const { t } = usePage();
  return (
    <Form action={`/libraries/${library.slug}/comments`} label={t('workspace.comments.add')}>
      <input type="hidden" name="subjectType" value={type} />
      <input type="hidden" name="subjectId" value={id} />
      <TextArea
        form={form}
        name="body"
        label={t('workspace.field.comment')}
        hint={t('workspace.hint.comment', { limit: MAX_COMMENT_LENGTH })}
        rows={4}
        maxLength={MAX_COMMENT_LENGTH}
      />
      <SubmitButton>{t('workspace.comments.submit')}</SubmitButton>
    </Form>
  );
}

/** The comment thread under a workspace item, with a form to add one. */
export function CommentThread({ library, type, id, comments }: CommentThreadProps) {
  const { t, locale, timeZone, abilities } = usePage();
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('workspace.comments.title', { count: comments.length })}</h2>
      {comments.length === 0 ? (
        <p class="empty">{t('workspace.comments.empty')}</p>
      ) : (
        <ol class="comment-list" aria-label={t('workspace.comments.list')}>
          {comments.map((comment) => (
            <li key={comment.id} class="comment">
              <p class="comment-meta">
                <strong>{comment.authorName || t('workspace.comments.formerAuthor')}</strong>
                {', '}
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale, timeZone)}</time>
              </p>
              <div class="comment-body">
                <Paragraphs text={comment.body} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {abilities.comment && <CommentForm library={library} type={type} id={id} form={emptyForm()} />}
    </section>
  );
}
