import { ConfirmForm } from '../../../ui/forms';
import { Paragraphs } from '../../../ui/paragraphs';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';

interface ConfirmDeletePageProps {
  library: WorkspaceLibrary;
  title: string;
  /** The item's own words, shown so the reader knows what goes. */
  quote?: string;
  body: string;
  /** Where the form posts to confirm. */
  action: string;
  submit: string;
  /** Where "Cancel" goes back to: the item's page. */
  cancel: string;
}

/** Asks for confirmation before deleting an activity or an insight. */
export function ConfirmDeletePage({ library, title, quote, body, action, submit, cancel }: ConfirmDeletePageProps) {
  return (
    <WorkspaceLayout library={library} section="discover" title={title}>
      <div class="narrow">
        {quote && (
          <blockquote class="discover-insight">
            <Paragraphs text={quote} />
          </blockquote>
        )}
        <p>{body}</p>
        <ConfirmForm action={action} submit={submit} cancel={cancel} />
      </div>
    </WorkspaceLayout>
  );
}
