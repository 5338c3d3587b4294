import type { Services } from '../server/services';
import type { ContentInput, TagKind, Writer } from '../features/content/service';
import type { ContentType } from '../features/content/urls';

/*
 * Demo hub content modelled on the first cohort of the program (2016–2018):
 * the home page text, tags, and about a dozen items of every type, written
 * in the project's own words from public facts about the libraries.
 */

const TAGS: { kind: TagKind; name: string }[] = [
  { kind: 'topic', name: 'Makerspaces' },
  { kind: 'topic', name: 'STEAM' },
  { kind: 'topic', name: 'Placemaking' },
  { kind: 'topic', name: 'Community engagement' },
  { kind: 'topic', name: 'Active learning' },
  { kind: 'topic', name: 'Outcome-based evaluation' },
  { kind: 'phase', name: 'Discover' },
  { kind: 'phase', name: 'Flex the space' },
  { kind: 'phase', name: 'Ideate and prototype' },
  { kind: 'phase', name: 'Plan' },
  { kind: 'phase', name: 'Transform and evaluate' },
  { kind: 'phase', name: 'Share' },
  { kind: 'audience', name: 'Library staff' },
  { kind: 'audience', name: 'Trustees' },
  { kind: 'audience', name: 'Teens' },
  { kind: 'audience', name: 'Families' },
];

interface DemoItem {
  type: ContentType;
  title: string;
  summary?: string;
  body: string;
  /** The library's name, for postcards and stories. */
  library?: string;
  links?: ContentInput['links'];
  sections?: ContentInput['sections'];
  tags?: string[];
  /** Publication day, which is also the day it was last changed. */
  published: string;
}

const HOME_TEXT = `## What is a smart library space?

A smart space is a room in the library shaped by the people who use it: a flexible place where discovery and community meet, and where people of every age learn by doing, exploring and playing together.

## How are libraries creating them?

Each library starts by asking its community what it wants — with surveys, wish trees, dot boards and conversations. Staff then clear and assess the room, test cheap prototypes with patrons, and write an action plan for the space and its services. After the transformation they gather feedback and watch how the space is used, and share what they learned so that other libraries can do the same.

The program guides them with a curriculum of live online sessions, an online learning community, coaching from experts, and a small subgrant for each library.

## How can I stay up to date?

Subscribe to the newsletter, follow the feeds, or write to the program manager. Everything the libraries share — news, resources, postcards and transformation stories — is listed below as it is added.`;

const ITEMS: DemoItem[] = [
  {
    type: 'page',
    title: 'Home',
    body: HOME_TEXT,
    published: '2016-07-01',
  },
  {
    type: 'page',
    title: 'About the program',
    summary: 'Fifteen small and rural public libraries, eighteen months, one method: ask, test, plan, transform and share.',
    body: `The program supports fifteen small and rural public libraries, serving between 560 and 16,000 people each, as they turn a room into a smart space.

Every library receives a $5,000 subgrant, an eighteen-month online curriculum with live sessions and a learning community, and coaching from subject-matter experts. In return, each one shares its journey — in postcards while the work is under way and in a transformation story at the end — so that the wider library community can learn from it.`,
    tags: ['Library staff', 'Trustees'],
    published: '2016-07-15',
  },
  {
    type: 'news',
    title: 'Fifteen libraries join the first cohort',
    summary: 'From Henniker, New Hampshire, to Ronan, Montana: meet the libraries that will transform a space over the next two years.',
    body: `Fifteen libraries in twelve states have joined the first cohort. Some serve towns of a few hundred people; the largest serves about sixteen thousand.

Over the coming months each library will pick a space, ask its community what that space could become, and plan the change together with patrons and partners. Look out for their postcards here as the work gets going.`,
    tags: ['Community engagement', 'Discover'],
    published: '2016-09-20',
  },
  {
    type: 'news',
    title: 'What community discovery taught us',
    summary: 'Surveys, wish trees and walk-throughs: the discovery tools the libraries found most useful.',
    body: `The first phase of the program is discovery: finding out what the community wants from its library before moving a single shelf.

Libraries tried many tools. Punxsutawney Memorial Library found its community survey the most useful of all, because it reached people who rarely come to events. Madison Public Library put Wish Trees at nine sites around town, from the grocery store to the school, and collected hundreds of wishes on paper leaves.

The lesson shared by many libraries: go where people already are, and make it easy to answer in a minute.`,
    tags: ['Community engagement', 'Discover', 'Library staff'],
    published: '2017-02-14',
  },
  {
    type: 'postcard',
    title: 'Greetings from Madison Public Library',
    summary: 'Wish Trees around town and tape on the floor: Madison tests its ideas before moving anything heavy.',
    body: `Greetings from Madison, South Dakota! Our Wish Trees have been collecting ideas at nine sites around town.

Before moving any shelving we marked the new layout with painter’s tape on the floor and asked patrons to walk through it. Some paths felt cramped, so we changed the plan — at the cost of a roll of tape.`,
    library: 'Madison Public Library',
    tags: ['Discover', 'Ideate and prototype', 'Placemaking'],
    published: '2017-05-10',
  },
  {
    type: 'news',
    title: 'Prototyping season: cardboard classrooms and Lego corners',
    summary: 'Libraries are testing their ideas with cheap prototypes before they spend their subgrants.',
    body: `Prototyping means trying an idea cheaply and learning from how people react.

Greenwich Free Library built a cardboard prototype of a flexible classroom and watched how groups rearranged it. Punxsutawney Memorial Library set up a small Lego maker corner to see who would use it and when. In both cases patrons’ reactions changed the final plan.`,
    tags: ['Ideate and prototype', 'Makerspaces', 'Active learning'],
    published: '2017-06-22',
  },
  {
    type: 'postcard',
    title: 'Greetings from Ignacio Community Library',
    summary: 'Foam-board furniture to scale helps Ignacio plan its media lab with the people who will use it.',
    body: `Greetings from Ignacio, Colorado! We built foam-board models of the furniture for our planned media lab, to scale, and invited teens and families to arrange them.

Their layouts were different from ours — more open, with room for groups to gather around a screen. The final plan follows theirs.`,
    library: 'Ignacio Community Library',
    tags: ['Ideate and prototype', 'Teens', 'Families'],
    published: '2017-08-03',
  },
  {
    type: 'postcard',
    title: 'Greetings from Glenns Ferry Public Library',
    summary: 'A storage room full of old VHS tapes is becoming the town’s makerspace.',
    body: `Greetings from Glenns Ferry, Idaho! The room that stored our VHS collection has been cleared, weeded and painted.

It is becoming a small makerspace with a craft table, simple electronics kits and a sewing machine, chosen from what our community asked for during discovery.`,
    library: 'Glenns Ferry Public Library',
    tags: ['Makerspaces', 'Flex the space'],
    published: '2017-09-18',
  },
  {
    type: 'postcard',
    title: 'Greetings from Tucker Free Library',
    summary: 'A quick look at KIDSpace, Tucker Free Library’s new active-learning space for children and families.',
    body: `Greetings from Henniker, New Hampshire! Our chosen space is turning into KIDSpace: a bright corner for children and their grown-ups to build, read and play together.

Low shelving on wheels lets us open the room for programs and close it into cosy nooks the rest of the week.`,
    library: 'Tucker Free Library',
    tags: ['Active learning', 'Families', 'Transform and evaluate'],
    published: '2017-11-30',
  },
  {
    type: 'curriculum',
    title: 'Small Libraries Create Smart Spaces curriculum outline',
    summary: 'An eighteen-month blend of live online sessions and an online learning community, module by module.',
    body: `The curriculum guides each library team from first ideas to a transformed space. Each module combines a live online session, readings and activities in the learning community, and a task to do at home.

## Module 1: Small libraries can create smart spaces

Active learning, placemaking, and how outcome-based evaluation shows what a space changes for people.

## Module 2: Inspired planning with your community

Community discovery — surveys, wish trees, dot boards, conversations and walk-throughs — and building partnerships.

## Module 3: Flexing your space

Weeding and clearing space, assessing the room, and what makes a space convivial and flexible.

## Module 4: Design thinking and ideation

Turning what the community said into ideas worth testing.

## Then: prototyping and action planning

Testing cheap prototypes with patrons, deciding what to keep, change or drop, and writing an action plan with tasks, owners, dates, partners and a budget against the subgrant.`,
    tags: ['Library staff', 'Active learning', 'Placemaking', 'Plan'],
    published: '2017-12-15',
  },
  {
    type: 'collection',
    title: 'Resources for STEM and STEAM projects and programs',
    summary: 'Making the case for science, technology, engineering, art and math in the library, with ideas to start small.',
    body: 'STEAM programs are growing in public libraries of every size. These resources help you make the case to your board and community, and start with what you have.',
    links: [
      { title: 'Institute of Museum and Library Services', url: 'https://www.imls.gov/', description: 'Federal grants and research on learning in libraries and museums.' },
      { title: 'American Library Association', url: 'https://www.ala.org/', description: 'Programming guides and toolkits for libraries.' },
      { title: 'WebJunction', url: 'https://www.webjunction.org/', description: 'Free courses and articles for library staff, including STEM programming.' },
    ],
    tags: ['STEAM', 'Active learning', 'Library staff', 'Trustees'],
    published: '2017-12-28',
  },
  {
    type: 'collection',
    title: 'Makerspace and digital media lab resources',
    summary: 'Planning a makerspace or digital media lab? Start here: planning help, tools beyond the 3D printer, and running a lab.',
    body: 'Whether you are starting a makerspace from scratch or rethinking one you have, these resources cover planning, choosing tools that fit your community, and running a digital media lab day to day.',
    links: [
      { title: 'WebJunction', url: 'https://www.webjunction.org/', description: 'Courses and case studies on library makerspaces.' },
      { title: 'Association for Rural and Small Libraries', url: 'https://www.arsl.org/', description: 'A network of small and rural libraries sharing what works.' },
      { title: 'Project for Public Spaces', url: 'https://www.pps.org/', description: 'Placemaking ideas for making any room a place people want to be.' },
      { title: 'American Library Association', url: 'https://www.ala.org/', description: 'Guides on digital media labs and maker programs.' },
    ],
    tags: ['Makerspaces', 'STEAM', 'Plan', 'Teens'],
    published: '2018-02-22',
  },
  {
    type: 'story',
    title: 'From reference desk to teen space in Cornwall',
    summary: 'How Cornwall Public Library replaced a little-used reference area with a space its teens helped design.',
    body: 'Cornwall Public Library serves about 12,600 people in the Hudson Valley. Its transformation started with a question: who is the library not serving well?',
    library: 'Cornwall Public Library',
    sections: {
      before: 'The reference area took up a bright corner of the building, but most questions now arrived by phone or email. Teens came after school but had nowhere of their own and often drifted to the parking lot.',
      during: 'Staff asked teens what they wanted through a survey and two pizza-fuelled conversations. A prototype weekend with borrowed beanbags and a games table drew a crowd. The action plan moved the reference collection, added movable seating, outlets and a whiteboard wall.',
      after: 'The teen space is busy every afternoon. Counts of how the room is used show groups working together where there used to be empty tables, and teens now help plan their own programs.',
    },
    tags: ['Teens', 'Transform and evaluate', 'Share', 'Placemaking'],
    published: '2018-05-30',
  },
];

/** A time that falls on the given day in every US time zone, as stored. */
const noon = (day: string) => `${day}T17:00:00.000Z`;

/**
 * Adds the demo hub content: tags, the home page text and about a dozen
 * items, with their original dates. Postcards and the story are linked to
 * their libraries when those exist. Items are created through the content
 * service, as an editor's would be, so they are indexed for search too.
 */
export async function seedDemoContent(services: Services, adminActor: Writer = null): Promise<void> {
  const { content, libraries } = services;
  const tagIds = new Map<string, string>();
  for (const tag of TAGS) tagIds.set(tag.name, (await content.createTag(tag)).id);
  const libraryIds = new Map((await libraries.allLibraries()).map((l) => [l.name, l.id]));

  for (const item of ITEMS) {
    await content.importItem(
      {
        type: item.type,
        title: item.title,
        summary: item.summary ?? '',
        body: item.body,
        libraryId: (item.library && libraryIds.get(item.library)) || null,
        imageId: null,
        links: item.links ?? [],
        sections: item.sections ?? null,
        tagIds: (item.tags ?? []).flatMap((name) => tagIds.get(name) ?? []),
      },
      { publishedAt: noon(item.published), updatedAt: noon(item.published) },
      adminActor,
    );
  }
}
