import { usePage } from '../../../ui/context';
import { ErrorSummary, type FormState } from '../../../ui/forms';
import type { Subject, WorkspaceLibrary } from '../contracts';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentForm } from '../../../ui/workspace/comments';

interface CommentPageProps {
  library: WorkspaceLibrary;
  subject: Subject;
  type: string;
  id: string;
  form: FormState;
}

/** A comment that could not be added, with what went wrong and the text kept, to send again. */
export function CommentPage({ library, subject, type, id, form }: CommentPageProps) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="journey" title={t('workspace.comments.add')} lead={t('workspace.comments.retryLead')}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <CommentForm library={library} type={type} id={id} form={form} />
        <p>
          <a href={`${subject.path}#comments`}>{t('workspace.comments.back', { title: subject.title })}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}
