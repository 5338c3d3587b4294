import { usePage } from '../../../ui/context';
import { emptyForm, Select } from '../../../ui/forms';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { PHOTO_KINDS, type Photo, type PhotoKind } from '../service';
import { newPhotoPath, photoPath, photosPath } from '../urls';
import { consentLabel, kindLabel, kindOptions } from './labels';
import { PhotoThumbnail } from './photo-picture';

interface PhotosPageProps {
  library: WorkspaceLibrary;
  result: Page<Photo>;
  kind: PhotoKind | undefined;
}

/** One photo in the grid: the thumbnail linking to its page, the caption and the consent in words. */
function PhotoCard({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const { t } = usePage();
  return (
    <li class="photo-card">
      <figure>
        <a href={photoPath(library, photo.id)}>
          <PhotoThumbnail library={library} photo={photo} />
        </a>
        <figcaption>
          {photo.caption && <span class="photo-caption">{photo.caption}</span>}
          <span class="tag">{consentLabel(t, photo.consent)}</span>
          {photo.publishedAt && <span class="tag">{t('photos.list.published')}</span>}
        </figcaption>
      </figure>
    </li>
  );
}

/** The library's photos as a grid of thumbnails grouped by kind, filterable by kind, 24 a page. */
export function PhotosPage({ library, result, kind }: PhotosPageProps) {
  const { t, locale, abilities } = usePage();
  const groups = PHOTO_KINDS.map((k) => ({ kind: k, photos: result.items.filter((p) => p.kind === k) })).filter((g) => g.photos.length > 0);
  return (
    <WorkspaceLayout library={library} section="photos" title={t('photos.title')} lead={t('photos.lead')}>
      {abilities.work && (
        <p class="actions">
          <a class="button button-primary" href={newPhotoPath(library)}>
            {t('photos.list.upload')}
          </a>
        </p>
      )}
      <form method="get" action={photosPath(library)} class="filters" aria-label={t('photos.list.filter')}>
        <Select form={emptyForm({ kind })} name="kind" label={t('photos.list.kind')} options={kindOptions(t)} emptyLabel={t('photos.list.allKinds')} />
        <div class="field">
          <button type="submit" class="button button-secondary">
            {t('photos.list.apply')}
          </button>
        </div>
      </form>
      <p>{t('photos.list.count', { count: formatNumber(result.total, locale) })}</p>
      {groups.length === 0 && <p class="empty">{t(kind ? 'photos.list.emptyKind' : 'photos.list.empty')}</p>}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`photos-${group.kind}`}>
          <h2 id={`photos-${group.kind}`}>{kindLabel(t, group.kind)}</h2>
          <ul class="photo-grid">
            {group.photos.map((photo) => (
              <PhotoCard key={photo.id} library={library} photo={photo} />
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={result.page} pages={result.pages} query={{ kind }} />
    </WorkspaceLayout>
  );
}
