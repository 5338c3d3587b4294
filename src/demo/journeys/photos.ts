import type { Services } from '../../server/services';
import type { PhotoDetails } from '../../features/photos/service';
import type { JourneyContext, JourneyLibrary } from './context';

/** Size of the generated pictures: enough for the 480-pixel variant, small enough to make quickly at every first start. */
const WIDTH = 720;
const HEIGHT = 480;

/** Wall colours by kind, so a grid of demo photos reads before → during → after at a glance. */
const WALLS: Record<PhotoDetails['kind'], string> = {
  before: '#8a8577',
  process: '#b08a4a',
  after: '#3f7f6b',
};

interface DemoPhoto extends PhotoDetails {
  /** The words drawn on the picture, e.g. "Before: VHS storage room". */
  label: string;
  /** When it was added, in the first cohort (2016-07-01 to 2018-06-30). */
  createdAt: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A simple drawing of a room (wall, floor, window) with a label band, made
 * with sharp: the demo needs pictures that look deliberate, not real photos.
 */
async function drawPicture(photo: DemoPhoto): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const overlay = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect x="0" y="${HEIGHT * 0.68}" width="${WIDTH}" height="${HEIGHT * 0.32}" fill="#5b4a3a"/>
    <rect x="${WIDTH * 0.62}" y="${HEIGHT * 0.12}" width="${WIDTH * 0.26}" height="${HEIGHT * 0.34}" fill="#dbe9f2" stroke="#ffffff" stroke-width="10"/>
    <rect x="${WIDTH * 0.08}" y="${HEIGHT * 0.3}" width="${WIDTH * 0.4}" height="${HEIGHT * 0.38}" fill="#00000033"/>
    <rect x="0" y="${HEIGHT - 80}" width="${WIDTH}" height="80" fill="#000000aa"/>
    <text x="28" y="${HEIGHT - 30}" font-family="DejaVu Sans, sans-serif" font-size="32" fill="#ffffff">${escapeXml(photo.label)}</text>
  </svg>`;
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: WALLS[photo.kind] } })
    .composite([{ input: Buffer.from(overlay) }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Each library's photos: before, during and after, consents mixed, one without a release. */
function photosOf(context: JourneyContext): Array<{ library: JourneyLibrary; photos: DemoPhoto[] }> {
  return [
    {
      library: context.glennsFerry,
      photos: [
        {
          kind: 'before',
          label: 'Before: VHS storage room',
          caption: 'The back room as we found it: shelf after shelf of VHS tapes that had not gone out in years.',
          alt: 'A narrow room lined with metal shelves full of VHS tapes, with cardboard boxes stacked on the floor.',
          credit: 'Glenns Ferry Public Library',
          consent: 'no-people',
          createdAt: '2016-09-14T16:20:00.000Z',
        },
        {
          kind: 'process',
          label: 'During: clearing the shelves',
          caption: 'Volunteers boxed up the tapes for the Friends of the Library sale and took the old shelving apart.',
          alt: 'Three volunteers carry boxes of tapes past half-empty shelves toward the door.',
          credit: 'Library volunteer',
          consent: 'release',
          createdAt: '2017-04-08T18:05:00.000Z',
        },
        {
          kind: 'after',
          label: 'After: the makerspace',
          caption: 'The same room as a makerspace, with a worktable, a 3D printer and sewing machines along the wall.',
          alt: 'Teenagers at a long worktable watch a 3D printer while a sewing machine sits ready beside them.',
          credit: 'Glenns Ferry Public Library',
          consent: 'release',
          createdAt: '2018-03-10T19:30:00.000Z',
        },
        {
          kind: 'after',
          label: 'After: opening day',
          caption: 'Families crowded in on opening day. We did not collect releases, so this one stays in the workspace.',
          alt: 'A crowded room of parents and children gathered around the makerspace worktable.',
          credit: 'Library volunteer',
          consent: 'no-release',
          createdAt: '2018-03-24T20:00:00.000Z',
        },
      ],
    },
    {
      library: context.madison,
      photos: [
        {
          kind: 'before',
          label: 'Before: tall stacks by the door',
          caption: 'Tall shelving by the entrance hid the windows and left no room to sit or meet.',
          alt: 'Rows of tall bookshelves close to the entrance, blocking most of the daylight from the windows.',
          credit: 'Madison Public Library',
          consent: 'no-people',
          createdAt: '2016-10-05T15:00:00.000Z',
        },
        {
          kind: 'process',
          label: 'During: Wish Tree downtown',
          caption: 'One of the nine Wish Trees we set up around town; children hung their wishes for the library on it.',
          alt: 'Children hang paper tags with handwritten wishes on a small tree made of branches in a pot.',
          credit: 'Madison Public Library',
          consent: 'no-release',
          createdAt: '2016-11-12T17:45:00.000Z',
        },
        {
          kind: 'process',
          label: 'During: the taped floor plan',
          caption: 'Painter’s tape on the floor marked where the shelves would go, so patrons could walk the new layout first.',
          alt: 'Staff and two patrons walk between lines of blue tape on the carpet that mark planned shelving.',
          credit: 'Madison Public Library',
          consent: 'release',
          createdAt: '2017-02-18T16:10:00.000Z',
        },
        {
          kind: 'after',
          label: 'After: open gathering area',
          caption: 'With the shelving moved back, the front of the library became an open area with movable seating.',
          alt: 'A bright open area near the windows with movable chairs and low shelving along the walls.',
          credit: 'Madison Public Library',
          consent: 'release',
          createdAt: '2018-01-20T18:00:00.000Z',
        },
      ],
    },
    {
      library: context.ignacio,
      photos: [
        {
          kind: 'before',
          label: 'Before: the unused meeting room',
          caption: 'A meeting room booked a few times a month, full of stacked chairs and a folding table.',
          alt: 'An empty meeting room with stacked chairs against one wall and a folding table in the middle.',
          credit: 'Ignacio Community Library',
          consent: 'no-people',
          createdAt: '2016-10-20T17:00:00.000Z',
        },
        {
          kind: 'process',
          label: 'During: foam-board models',
          caption: 'Teens arranged foam-board furniture at scale to try layouts for the media lab before we bought anything.',
          alt: 'Hands move small white foam-board desks and a recording booth around a paper floor plan.',
          credit: 'Ignacio Community Library',
          consent: 'release',
          createdAt: '2017-05-06T19:15:00.000Z',
        },
        {
          kind: 'process',
          label: 'During: testing the booth',
          caption: 'The youth group tried out a cardboard recording booth. No releases were signed for this session.',
          alt: 'Two young people sit inside a cardboard booth with a microphone while others watch.',
          credit: 'Ignacio Community Library',
          consent: 'no-release',
          createdAt: '2017-06-10T20:30:00.000Z',
        },
        {
          kind: 'after',
          label: 'After: the media lab',
          caption: 'The finished media lab: editing stations, a recording corner and flexible tables.',
          alt: 'A media lab with computers on movable tables, a padded recording corner and a large screen.',
          credit: 'Ignacio Community Library',
          consent: 'release',
          createdAt: '2018-04-14T18:40:00.000Z',
        },
      ],
    },
  ];
}

/** Demo data for the photos part of the three demo journeys, added through the photos service. */
export async function seedDemoPhotos(services: Services, context: JourneyContext): Promise<void> {
  // Each picture is drawn and resized by sharp's worker threads: making them side by side saves start-up time.
  const all = photosOf(context).flatMap(({ library, photos }) => photos.map((photo) => ({ library, photo })));
  await Promise.all(
    all.map(async ({ library, photo }) => {
      const { label: _label, createdAt, ...details } = photo;
      await services.photos.createPhoto(library, await drawPicture(photo), details, library.memberId, { createdAt });
    }),
  );
}
