import type { Services } from '../../server/services';
import type { ServiceArea } from '../../features/events/service';
import { addDays } from '../../i18n/time';
import type { JourneyContext, JourneyLibrary } from './context';

interface DemoEvent {
  title: string;
  serviceArea: ServiceArea;
  description: string;
  /** The day of the first occurrence, after the library's space opened. */
  firstOn: string;
  /** Days between occurrences. */
  everyDays: number;
  /** HH:MM on the library's clock. */
  startsAt: string;
  /** People counted at each occurrence, in order; null where nobody counted. */
  attendance: Array<number | null>;
  /** Notes on some occurrences, by their index. */
  notes?: Record<number, string>;
}

// Glenns Ferry's makerspace opened on 8 July 2017, Madison's new layout on
// 20 May 2017 and Ignacio's media lab on 10 June 2017 (see plan.ts): each
// library's programs start in the weeks after.
const EVENTS: Record<keyof Omit<JourneyContext, 'adminId'>, DemoEvent[]> = {
  glennsFerry: [
    {
      title: 'Maker Monday',
      serviceArea: 'lifelong-learning',
      description: 'An open evening in the makerspace: bring a project or start one, with a volunteer mentor at the 3D printer.',
      firstOn: '2017-07-10',
      everyDays: 7,
      startsAt: '18:00',
      attendance: [14, 11, 9, 12, null, 10, 13, 8, 15, 12, 11, 16],
      notes: { 0: 'First Maker Monday after the opening.', 4: 'Mentor ran it alone; no count taken.' },
    },
    {
      title: 'Family story and build time',
      serviceArea: 'early-childhood-literacy',
      description: 'A picture book read aloud, then families build something from the story with cardboard, tape and craft supplies.',
      firstOn: '2017-07-15',
      everyDays: 14,
      startsAt: '10:30',
      attendance: [22, 18, 25, 19, 21, 27],
    },
    {
      title: 'Fix-it afternoon',
      serviceArea: 'economic-development',
      description: 'A retired machinist and two volunteers help neighbours mend small appliances, bikes and clothes instead of replacing them.',
      firstOn: '2017-08-19',
      everyDays: 28,
      startsAt: '13:00',
      attendance: [9, 12, 7, 0],
      notes: { 3: 'Snowstorm: the library stayed open but nobody came.' },
    },
  ],
  madison: [
    {
      title: 'Monthly maker night',
      serviceArea: 'lifelong-learning',
      description: 'The wish heard most often on the Wish Trees: a hands-on evening in the open middle of the main floor.',
      firstOn: '2017-06-15',
      everyDays: 28,
      startsAt: '18:30',
      attendance: [31, 24, 27, null, 29, 33],
    },
    {
      title: 'Story time in the open area',
      serviceArea: 'early-childhood-literacy',
      description: 'Story time moved from the back room to the new open area, with floor cushions and room for strollers.',
      firstOn: '2017-05-24',
      everyDays: 7,
      startsAt: '10:00',
      attendance: [18, 21, 17, 23, 20, 19, 24, 22, 16, 25],
    },
  ],
  ignacio: [
    {
      title: 'Teen media lab night',
      serviceArea: 'digital-learning',
      description: 'Teens record, edit and mix in the media lab, with the advisory group setting the evening’s challenge.',
      firstOn: '2017-06-14',
      everyDays: 7,
      startsAt: '16:00',
      attendance: [7, 9, 11, 8, 12, 10, null, 13, 9, 14],
    },
    {
      title: 'Podcast workshop series',
      serviceArea: 'digital-learning',
      description: 'Four sessions from an idea to a published episode: planning, recording, editing and sharing.',
      firstOn: '2017-07-08',
      everyDays: 7,
      startsAt: '11:00',
      attendance: [6, 6, 5, 6],
      notes: { 3: 'Two episodes published on the library’s site.' },
    },
    {
      title: 'Bilingual family story time',
      serviceArea: 'early-childhood-literacy',
      description: 'Stories and songs in English and Spanish, then families record a story of their own in the media lab.',
      firstOn: '2017-06-24',
      everyDays: 14,
      startsAt: '10:00',
      attendance: [15, 19, 17, 22, 18],
    },
  ],
};

/** Seeds one library's events, each held on a regular schedule from its first day. */
async function seedEvents(services: Services, library: JourneyLibrary, demo: DemoEvent[]): Promise<void> {
  const { events } = services;
  for (const event of demo) {
    const created = await events.createEvent(library.id, { title: event.title, serviceArea: event.serviceArea, description: event.description }, library.leadId);
    for (const [n, attendance] of event.attendance.entries()) {
      await events.addOccurrence(library.id, created.id, {
        heldOn: addDays(event.firstOn, n * event.everyDays),
        startsAt: event.startsAt,
        attendance,
        note: event.notes?.[n] ?? '',
      });
    }
  }
}

/** Demo data for the programs and events of the three demo journeys, held in the months after each space opened. */
export async function seedDemoEvents(services: Services, context: JourneyContext): Promise<void> {
  await seedEvents(services, context.glennsFerry, EVENTS.glennsFerry);
  await seedEvents(services, context.madison, EVENTS.madison);
  await seedEvents(services, context.ignacio, EVENTS.ignacio);
}
