import { usePage } from '../../../ui/context';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../../photos/service';
import { sharePaths, type Story } from '../service';
import { StoryBody } from './story-body';

/**
 * The story laid out for paper: the print stylesheet drops the site's
 * navigation and this page's hint, sizes the photos and starts each part on
 * a new page.
 */
export function StoryPrintPage(props: { library: WorkspaceLibrary; story: Story; beforePhotos: Photo[]; afterPhotos: Photo[] }) {
  const { library, story, beforePhotos, afterPhotos } = props;
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="share" title={story.title}>
      <div class="share-print">
        <p class="share-print-hint">
          {t('share.print.hint')} <a href={sharePaths.story(library)}>{t('share.print.back')}</a>
        </p>
        <p class="share-print-library">{library.name}</p>
        <StoryBody library={library} story={story} beforePhotos={beforePhotos} afterPhotos={afterPhotos} />
      </div>
    </WorkspaceLayout>
  );
}
