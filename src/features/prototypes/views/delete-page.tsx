import { ConfirmForm } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';

interface DeletePageProps {
  library: WorkspaceLibrary;
  title: string;
  /** What deleting does, in a sentence or two. */
  body: string;
  submit: string;
  /** Where the form posts. */
  action: string;
  /** Where "Cancel" leads: the item's page. */
  back: string;
}

/** Asks for confirmation before deleting an idea, a prototype or a test session. */
export function DeletePage({ library, title, body, submit, action, back }: DeletePageProps) {
  return (
    <WorkspaceLayout library={library} section="ideate" title={title}>
      <p>{body}</p>
      <ConfirmForm action={action} submit={submit} cancel={back} />
    </WorkspaceLayout>
  );
}
