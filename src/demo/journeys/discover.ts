import type { Services } from '../../server/services';
import type { DiscoverService } from '../../features/discover/service';
import type { JourneyContext } from './context';

type Entries = Parameters<DiscoverService['recordMany']>[1];

/** Madison: Wish Trees around town, a conversation, and tape on the floor. */
const MADISON: Entries = [
  {
    activity: {
      kind: 'wish-tree',
      title: 'Wish Trees at nine sites around town',
      date: '2016-10-17',
      place: 'Nine sites around Madison, from the library lobby to grocery stores, the senior center and the university',
      participants: 460,
      notes:
        'Each tree had paper leaves and pencils beside it, and a sign asking "What do you wish the library could be?". The trees stayed up for three weeks and staff collected the leaves every Friday.\n\nWe typed every wish into a spreadsheet and sorted them by theme before the community conversation.',
    },
    insights: [
      { text: 'Many wishes asked for a place where teens can spend time after school, away from the children’s area.', themes: ['teens', 'seating'] },
      { text: 'Families wished for hands-on things to do together: building, crafts and simple technology.', themes: ['making', 'technology', 'families'] },
      { text: 'A steady number of leaves asked for evening and Sunday hours.', themes: ['hours'] },
    ],
  },
  {
    activity: {
      kind: 'conversation',
      title: 'Community conversation: what the Wish Trees told us',
      date: '2016-11-15',
      place: 'Library meeting room',
      participants: 34,
      notes: 'We shared the wish themes and asked people to choose what mattered most. Coffee and bars from the Friends of the Library.',
    },
    insights: [
      { text: 'Adults want comfortable chairs near the windows and a quiet corner for reading the paper.', themes: ['seating', 'quiet space'] },
      { text: 'Groups want a small room they can book for meetings and tutoring.', themes: ['quiet space', 'meeting space'] },
    ],
  },
  {
    activity: {
      kind: 'walk-through',
      title: 'Walk-through with tape on the floor',
      date: '2017-03-08',
      place: 'Main floor',
      participants: 12,
      notes:
        'Staff and board members marked the new shelving layout with painter’s tape and walked it with strollers and a wheelchair before moving anything.',
    },
    insights: [
      {
        text: 'Moving the large-print and DVD shelving opens a daylight corridor with room for flexible tables, and the aisles stay wide enough for wheelchairs and strollers.',
        themes: ['seating', 'flexible space', 'accessibility'],
      },
    ],
  },
];

/** Glenns Ferry: a survey, the VHS storage room, and the school. */
const GLENNS_FERRY: Entries = [
  {
    activity: {
      kind: 'survey',
      title: 'Community survey on the library’s future',
      date: '2016-10-03',
      place: 'Online, and on paper at the library and city hall',
      participants: 118,
      notes: 'Ten questions on what people use the library for today and what they would like to do there. Paper copies came back in the book drop.',
    },
    insights: [
      { text: 'Answers asked again and again for things to make and tinker with, not only books to borrow.', themes: ['making', 'technology'] },
      { text: 'Parents asked for programs on Saturdays, when families come into town.', themes: ['hours', 'families'] },
    ],
  },
  {
    activity: {
      kind: 'walk-through',
      title: 'Walk-through of the VHS storage room',
      date: '2016-12-06',
      place: 'Back storage room',
      participants: 7,
      notes: 'Staff, two board members and a volunteer measured the room, checked the outlets and counted boxes of tapes to weed.',
    },
    insights: [
      {
        text: 'Once the old VHS tapes are weeded, the storage room is bright and large enough for two worktables and a 3D printer.',
        themes: ['making', 'technology', 'flexible space'],
      },
    ],
  },
  {
    activity: {
      kind: 'partner-meeting',
      title: 'Partner meeting with the school district',
      date: '2017-01-24',
      place: 'Glenns Ferry High School',
      participants: 5,
      notes: 'The principal, the science teacher and the school librarian met the library director about after-school use of a makerspace.',
    },
    insights: [
      {
        text: 'Teachers would bring classes for robotics and 3D design if the library had the equipment and a room to use it.',
        themes: ['technology', 'teens', 'partnerships'],
      },
      { text: 'Teens say there is nowhere in town to spend time after school.', themes: ['teens', 'hours'] },
    ],
  },
];

/** Ignacio: a bilingual conversation, a Dot Board, and the tribal education department. */
const IGNACIO: Entries = [
  {
    activity: {
      kind: 'conversation',
      title: 'Bilingual community conversation',
      date: '2016-11-09',
      place: 'Library community room',
      participants: 41,
      notes: 'Held in English and Spanish with a volunteer interpreter. Tables talked about what the library means to them and what is missing.',
    },
    insights: [
      { text: 'Spanish-speaking families want signs, programs and help at the desk in Spanish.', themes: ['bilingual', 'families'] },
      {
        text: 'Young people want to record and share their own stories, in their own languages, with audio and video.',
        themes: ['bilingual', 'technology', 'teens', 'making'],
      },
    ],
  },
  {
    activity: {
      kind: 'dot-board',
      title: 'Dot Board in the lobby',
      date: '2017-02-01',
      place: 'Library lobby',
      participants: 215,
      notes: 'Each visitor got three dots to place among six ideas for the space, with labels in English and Spanish.',
    },
    insights: [
      { text: 'A media lab for recording music, editing video and making podcasts got the most dots.', themes: ['technology', 'making', 'teens'] },
      { text: 'Comfortable seating came second on the board.', themes: ['seating'] },
      {
        text: 'Students need a quiet place with reliable Wi-Fi for homework and online classes in the evening.',
        themes: ['quiet space', 'technology', 'hours'],
      },
    ],
  },
  {
    activity: {
      kind: 'partner-meeting',
      title: 'Meeting with the tribal education department',
      date: '2017-03-14',
      place: 'Tribal education office',
      participants: 6,
      notes: 'We listened first: what the department already offers young people, and where a library media lab could help rather than duplicate.',
    },
    insights: [
      {
        text: 'The education department would co-host youth media workshops if equipment could be booked for them.',
        themes: ['partnerships', 'technology', 'teens'],
      },
    ],
  },
];

/** Demo data for the discover part of the three demo journeys: activities and what each library learnt from them. */
export async function seedDemoDiscover(services: Services, context: JourneyContext): Promise<void> {
  const { discover } = services;
  await discover.recordMany(context.madison.id, MADISON, context.madison.leadId);
  await discover.recordMany(context.glennsFerry.id, GLENNS_FERRY, context.glennsFerry.leadId);
  await discover.recordMany(context.ignacio.id, IGNACIO, context.ignacio.leadId);
}
