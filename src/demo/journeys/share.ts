import type { Services } from '../../server/services';
import type { Photo, PhotoKind } from '../../features/photos/service';
import type { JourneyContext, JourneyLibrary } from './context';

/** A time that falls on the given day in every US time zone, as stored. */
const noon = (day: string) => `${day}T17:00:00.000Z`;

interface DemoPostcard {
  title: string;
  body: string;
  /** Which of the library's photos it shows. */
  kind: PhotoKind;
  written: string;
  /** The day it went on the hub; a draft when absent. */
  published?: string;
}

const POSTCARDS: Record<keyof Omit<JourneyContext, 'adminId'>, DemoPostcard[]> = {
  glennsFerry: [
    {
      title: 'The makerspace in Glenns Ferry is open',
      body: `The old VHS room is now the busiest room in the library. On opening day families tried the sewing machines, teens printed their first 3D keychains and a retired machinist offered to teach a soldering class.

Thank you to everyone who filled in our survey and told us what they wanted to make.`,
      kind: 'after',
      written: '2018-04-10',
      published: '2018-04-12',
    },
  ],
  madison: [
    {
      title: 'Madison opens up its front room',
      body: `The tall shelving by our entrance is gone, and the windows are back. Moving it was the wish we heard most often on the Wish Trees around town.

The new open area has movable seating, so a story time in the morning can become a study space after school.`,
      kind: 'after',
      written: '2018-03-05',
      published: '2018-03-08',
    },
  ],
  ignacio: [
    {
      title: 'Teens are designing our media lab',
      body: `Before we buy a single table, the teens who will use the media lab are arranging foam-board furniture at scale.

Their layouts keep the editing stations together and leave a quiet corner for recording. We will share the final plan soon.`,
      kind: 'process',
      written: '2017-09-21',
    },
  ],
};

/** What Glenns Ferry's staff added to the assembled story: the change itself, in their words. */
const TRANSFORMATION = `### The transformation

The makerspace opened in spring 2018 with a worktable, a 3D printer and sewing machines. Volunteers now lead craft and repair
afternoons, and teens come after school to make things together.`;

/** The library's newest photo of a kind that may be published, if any. */
async function publishablePhoto(services: Services, library: JourneyLibrary, kind: PhotoKind): Promise<Photo | undefined> {
  const photos = await services.photos.listForLibrary(library.id, { kind });
  return photos.find((p) => p.consent !== 'no-release');
}

/**
 * Links the postcards the demo hub already holds for the library to its
 * workspace, so they are not written a second time, then writes the
 * library's own postcards.
 */
async function seedPostcards(services: Services, library: JourneyLibrary, postcards: DemoPostcard[]) {
  const { share, content } = services;
  const onHub = await content.listPublished({ libraryId: library.id, type: 'postcard' }, 1);
  const anyPhoto = (await publishablePhoto(services, library, 'process')) ?? (await publishablePhoto(services, library, 'before'));
  if (anyPhoto) for (const item of onHub.items) await share.adoptHubPostcard(library.id, item.id, anyPhoto.id, library.leadId);

  for (const postcard of postcards) {
    const photo = await publishablePhoto(services, library, postcard.kind);
    if (!photo) continue;
    const draft = await share.createPostcard(
      library.id,
      { title: postcard.title, body: postcard.body, photoId: photo.id },
      library.memberId,
      noon(postcard.written),
    );
    if (postcard.published) await share.publishPostcard(library.id, draft.id, library.leadId, noon(postcard.published));
  }
}

/**
 * Demo data for the share part: postcards for all three libraries (Ignacio's
 * new one still a draft); Glenns Ferry's story assembled from its workspace,
 * lightly edited and published by the admin; Madison's submitted and waiting
 * for approval. The demo hub's existing postcards of these libraries are
 * linked, not copied, and no story of theirs exists there before.
 */
export async function seedDemoShare(services: Services, context: JourneyContext): Promise<void> {
  const { share } = services;
  const { glennsFerry, madison, ignacio, adminId } = context;
  await seedPostcards(services, glennsFerry, POSTCARDS.glennsFerry);
  await seedPostcards(services, madison, POSTCARDS.madison);
  await seedPostcards(services, ignacio, POSTCARDS.ignacio);

  const story = await share.assembleStory(glennsFerry, 'en', glennsFerry.leadId);
  await share.updateStory(
    glennsFerry.id,
    {
      title: 'From VHS storage room to makerspace in Glenns Ferry',
      summary:
        'How a small Idaho library cleared a room of old videotapes and, with its community, turned it into a makerspace for all ages.',
      sections: {
        before: story.sections.before,
        during: story.sections.during,
        after: `${TRANSFORMATION}\n\n${story.sections.after}`.trim(),
      },
      beforePhotoIds: story.beforePhotoIds,
      afterPhotoIds: story.afterPhotoIds,
    },
    glennsFerry.leadId,
  );
  await share.submitStory(glennsFerry.id, glennsFerry.leadId);
  await share.approveStory(glennsFerry.id, adminId, noon('2018-06-20'));

  await share.assembleStory(madison, 'en', madison.leadId);
  await share.submitStory(madison.id, madison.leadId);
}
