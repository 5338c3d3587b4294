import { usePage } from '../../../ui/context';
import { Markdown } from '../../../ui/markdown';
import type { Photo } from '../../photos/service';
import type { Story } from '../service';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { PhotoFigure } from './photos';

const PARTS = ['before', 'during', 'after'] as const;

/**
 * The story as it will read: the summary, then before, during and after,
 * each under its own heading, with the chosen before photos in the first
 * part and the after photos in the last.
 */
export function StoryBody(props: { library: WorkspaceLibrary; story: Story; beforePhotos: Photo[]; afterPhotos: Photo[] }) {
  const { library, story, beforePhotos, afterPhotos } = props;
  const { t } = usePage();
  const photosOf = { before: beforePhotos, during: [], after: afterPhotos };
  return (
    <article class="share-story">
      <p class="lead">{story.summary}</p>
      {PARTS.map((part) => (
        <section key={part} class="share-story-part" aria-labelledby={`story-${part}`}>
          <h2 id={`story-${part}`}>{t(`share.story.${part}`)}</h2>
          {story.sections[part] ? <Markdown source={story.sections[part]} /> : <p class="empty">{t('share.story.emptySection')}</p>}
          {photosOf[part].length > 0 && (
            <div class="share-story-photos">
              {photosOf[part].map((photo) => (
                <PhotoFigure key={photo.id} library={library} photo={photo} />
              ))}
            </div>
          )}
        </section>
      ))}
    </article>
  );
}
