import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Story } from '../service';
import { href } from '../../../server/route-contract';
import { shareRoutes } from '../route-table';

interface StoryActionsProps {
  library: WorkspaceLibrary;
  story: Story;
}

/**
 * What the reader may do with the story now: staff edit, re-assemble and
 * submit a draft; admins approve a submitted one. Everyone sees the print
 * version and, once published, the hub page.
 */
export function StoryActions({ library, story }: StoryActionsProps) {
  const { t, abilities } = usePage();
  return (
    <div class="share-actions">
      <ul class="share-links">
        {abilities.work && (
          <li>
            <a href={href(shareRoutes.editStory, { library: library.slug })}>{t('share.story.edit')}</a>
          </li>
        )}
        <li>
          <a href={href(shareRoutes.printStory, { library: library.slug })}>{t('share.story.print')}</a>
        </li>
        {story.status === 'published' && story.hubPath && (
          <li>
            <a href={story.hubPath}>{t('share.story.onHub')}</a>
          </li>
        )}
      </ul>
      {abilities.work && story.status === 'draft' && (
        <Form action={href(shareRoutes.submitStory, { library: library.slug })} label={t('share.story.submit')}>
          <SubmitButton>{t('share.story.submit')}</SubmitButton>
        </Form>
      )}
      {abilities.publish && story.status === 'submitted' && (
        <Form action={href(shareRoutes.approveStory, { library: library.slug })} label={t('share.story.approve')}>
          <SubmitButton>{t('share.story.approve')}</SubmitButton>
        </Form>
      )}
      {abilities.work && (
        <Form action={href(shareRoutes.assembleStory, { library: library.slug })} label={t('share.story.reassemble')}>
          <SubmitButton variant="secondary">{t('share.story.reassemble')}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
