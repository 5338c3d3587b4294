import { usePage } from '../../../ui/context';
import type { Postcard, StoryStatus } from '../service';

/** A postcard's state in words: draft, published, or published with changes not on the hub yet. */
export function PostcardStatus({ postcard }: { postcard: Postcard }) {
  const { t } = usePage();
  if (!postcard.publishedAt) return <>{t('share.status.draft')}</>;
  return <strong class="tag">{t(postcard.changedSincePublished ? 'share.status.changed' : 'share.status.published')}</strong>;
}

/** The message key naming a story's state. */
export const storyStatusKey = (status: StoryStatus) => `share.storyStatus.${status}` as const;
