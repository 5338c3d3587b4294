import type { Services } from '../../server/services';
import type { PrototypeDecision } from '../../features/prototypes/service';
import type { JourneyContext, JourneyLibrary } from './context';

interface DemoSession {
  heldOn: string;
  place: string;
  patrons: number;
  observations: string;
  feedback: string;
  /** Link one of the library's surveys, when it has any. */
  withSurvey?: boolean;
}

interface DemoPrototype {
  title: string;
  description: string;
  materials: string;
  costCents: number;
  builtOn: string;
  sessions: DemoSession[];
  decision?: { decision: PrototypeDecision; reason: string; on: string };
}

interface DemoIdea {
  title: string;
  description: string;
  addedOn: string;
  /** Words that name the insights this idea answers. */
  answers: RegExp;
  prototypes: DemoPrototype[];
}

/** Midday in the demo libraries' time zones (18:00 UTC) on a program day, as a stored timestamp. */
const day = (date: string) => `${date}T18:00:00.000Z`;

const IGNACIO: DemoIdea[] = [
  {
    title: 'A media lab where teens record and edit their own work',
    description:
      'Teens told us they have stories, music and videos to make but nowhere quiet to make them. A small media lab with editing stations and a recording corner would give them that place in the library.',
    addedOn: '2017-03-20',
    answers: /\b(teen|media|record|music|video|technolog)/i,
    prototypes: [
      {
        title: 'Foam-board model of the media lab',
        description:
          'The whole room built at one-twelfth scale from foam board, with cut-out editing desks, shelving and a recording corner, so teens and families could move the pieces and argue about the layout.',
        materials: 'Foam board, hot glue, a printed floor plan, paper cut-outs of computers and people',
        costCents: 3840,
        builtOn: '2017-04-03',
        sessions: [
          {
            heldOn: '2017-04-12',
            place: 'Teen advisory group, meeting room',
            patrons: 9,
            observations: 'Every group moved the editing desks away from the door within the first minutes.',
            feedback: 'Nobody wants to edit with people walking behind them. Could the recording corner have a door?',
          },
          {
            heldOn: '2017-04-22',
            place: 'Family day, community room',
            patrons: 23,
            observations: 'Parents spent most of their time at the model asking where they could see into the lab.',
            feedback: 'Parents asked for a window so they can see their kids working without going in.',
            withSurvey: true,
          },
        ],
        decision: {
          decision: 'change',
          reason: 'Teens liked the room but wanted the editing desks away from the door, and families asked to see in. Move the desks to the back wall and add a glass panel to the plan.',
          on: '2017-05-01',
        },
      },
      {
        title: 'Recording booth mock-up',
        description:
          'A full-size booth in a corner of the meeting room: foam-board walls, moving blankets for sound and a borrowed microphone, open to teens after school for two weeks.',
        materials: 'Six sheets of foam board, two moving blankets, clamp lights, a borrowed USB microphone',
        costCents: 7215,
        builtOn: '2017-05-03',
        sessions: [
          {
            heldOn: '2017-05-08',
            place: 'Meeting room, after school',
            patrons: 14,
            observations: 'Every after-school slot on the sign-up sheet was taken; two teens recorded a podcast episode.',
            feedback: '“It sounds like a real studio.” Teens asked for headphones and a longer time per slot.',
          },
        ],
        decision: {
          decision: 'keep',
          reason: 'The booth was booked every afternoon of the test and the sound was good enough for podcasts. Build a permanent booth with acoustic panels.',
          on: '2017-05-24',
        },
      },
    ],
  },
  {
    title: 'Seating that families can rearrange for programs',
    description: 'Families come together and want to sit together. Light furniture that moves would let one room hold a story time, a workshop and a quiet afternoon.',
    addedOn: '2017-03-27',
    answers: /\b(famil|seat|furniture|flexib|together)/i,
    prototypes: [
      {
        title: 'Scale furniture on a printed floor plan',
        description: 'Foam-board tables, chairs and shelves at one-twenty-fourth scale that families arranged on a floor plan of the community room.',
        materials: 'Foam board offcuts, a large printed floor plan, glue dots',
        costCents: 1260,
        builtOn: '2017-04-15',
        sessions: [
          {
            heldOn: '2017-04-22',
            place: 'Family day, community room',
            patrons: 31,
            observations: 'Almost every family made the same layout: tables in a loose circle, shelving along the walls.',
            feedback: 'Families liked the open middle and did not ask for a separate seating area.',
          },
        ],
        decision: {
          decision: 'drop',
          reason: 'Families arranged the pieces nearly the same way each time, and the rolling tables already in the media lab plan give the flexibility they asked for.',
          on: '2017-05-01',
        },
      },
    ],
  },
];

const GLENNS_FERRY: DemoIdea[] = [
  {
    title: 'Turn the VHS storage room into a makerspace',
    description: 'The back room holds boxes of videotapes nobody borrows. Cleared out, it could hold stations for sewing, simple electronics and building.',
    addedOn: '2017-02-27',
    answers: /\b(maker|make|build|hands-on|craft|VHS)/i,
    prototypes: [
      {
        title: 'Cardboard maker stations in the old VHS room',
        description: 'Appliance boxes stood in for each station along the walls of the emptied VHS room, labelled with what would happen there.',
        materials: 'Appliance boxes, packing tape, butcher paper labels for sewing, electronics and building stations',
        costCents: 1875,
        builtOn: '2017-03-13',
        sessions: [
          {
            heldOn: '2017-03-18',
            place: 'Former VHS room, open house',
            patrons: 17,
            observations: 'Visitors went straight to the sewing and electronics boxes; the free middle of the room was used for a group project.',
            feedback: 'A grandmother offered to teach sewing on Saturdays. Teens asked for soldering irons.',
            withSurvey: true,
          },
          {
            heldOn: '2017-03-25',
            place: 'Former VHS room, Saturday',
            patrons: 11,
            observations: 'People stayed an average of forty minutes, much longer than a usual visit.',
            feedback: '“When can we actually use it?”',
          },
        ],
        decision: {
          decision: 'keep',
          reason: 'Stations along the walls with an open middle worked for single makers and groups. Build the room as tested.',
          on: '2017-04-03',
        },
      },
    ],
  },
  {
    title: 'Take crafts to where people already are',
    description: 'Many families never come past the front desk. A craft table that pops up by the desk and at town events could bring them further in.',
    addedOn: '2017-05-01',
    answers: /\b(craft|famil|child|kid|outreach|event)/i,
    prototypes: [
      {
        title: 'Pop-up craft table',
        description: 'A folding table with a different craft each week, set up by the front desk and at the summer reading kickoff in the park.',
        materials: 'A folding table, bins of donated craft supplies, a sign-up sheet',
        costCents: 2400,
        builtOn: '2017-06-05',
        sessions: [
          {
            heldOn: '2017-06-10',
            place: 'By the front desk',
            patrons: 26,
            observations: 'Families stopped for crafts, but the line blocked people checking out books.',
            feedback: 'Parents liked that it needed no sign-up.',
          },
          {
            heldOn: '2017-06-17',
            place: 'City park, summer reading kickoff',
            patrons: 40,
            observations: 'The table was busy all morning and several families signed up for library cards.',
            feedback: '“Will you be at the fair too?”',
          },
        ],
        decision: {
          decision: 'change',
          reason: 'Crafts drew families, but the front desk became crowded. Keep the pop-up for events outside and move the in-library version into the makerspace.',
          on: '2017-06-26',
        },
      },
    ],
  },
];

const MADISON: DemoIdea[] = [
  {
    title: 'Open the middle of the library by moving shelving',
    description: 'The Wish Trees kept asking for more room to gather. Moving the adult fiction ranges could open the centre of the main floor.',
    addedOn: '2017-01-23',
    answers: /\b(shel|space|open\b|gather|brows)/i,
    prototypes: [
      {
        title: 'Tape on the floor to test shelving moves',
        description: 'Painter’s tape marked where the fiction ranges would go, so staff and patrons could walk the new aisles for two weeks before anything heavy moved.',
        materials: 'Three rolls of blue painter’s tape, printed signs explaining the test',
        costCents: 2190,
        builtOn: '2017-02-01',
        sessions: [
          {
            heldOn: '2017-02-06',
            place: 'Main floor, first week',
            patrons: 85,
            observations: 'Patrons followed the taped aisles without being asked; a wheelchair user passed every aisle without trouble.',
            feedback: 'Several people asked when the shelves would actually move.',
          },
          {
            heldOn: '2017-02-13',
            place: 'Main floor, second week',
            patrons: 92,
            observations: 'The taped open area was used for a story time and a knitting group.',
            feedback: 'The knitting group asked to meet there every week.',
            withSurvey: true,
          },
        ],
        decision: {
          decision: 'keep',
          reason: 'Everyone could walk the taped aisles and the open area was in use within a week. Move the ranges as taped.',
          on: '2017-02-20',
        },
      },
    ],
  },
  {
    title: 'Seating that patrons can move for groups',
    description: 'Wishes asked for comfortable places to sit with friends. Seating light enough to move would let groups make their own corner.',
    addedOn: '2017-02-20',
    answers: /\b(seat|chair|comfort|group|friend|sit\b)/i,
    prototypes: [
      {
        title: 'Movable seating prototype',
        description: 'Borrowed folding chairs and two ottomans on casters placed in the newly opened area, with a sign inviting people to move them.',
        materials: 'Borrowed folding chairs, two ottomans with casters added, a sign',
        costCents: 3500,
        builtOn: '2017-02-27',
        sessions: [
          {
            heldOn: '2017-03-06',
            place: 'Open area of the main floor',
            patrons: 32,
            observations: 'The ottomans moved often; the folding chairs mostly stayed where staff left them.',
            feedback: 'Teens liked the ottomans; older patrons wanted chairs with arms.',
          },
        ],
      },
    ],
  },
];

/** The insights of a library each demo idea answers, by its keywords. */
function linkedInsights(idea: DemoIdea, insights: Array<{ id: string; text: string }>): string[] {
  return insights.filter((insight) => idea.answers.test(insight.text)).map((insight) => insight.id);
}

async function seedLibrary(services: Services, library: JourneyLibrary, ideas: DemoIdea[]): Promise<void> {
  const { prototypes, discover, surveys } = services;
  const [insights, surveyList] = await Promise.all([discover.insightChoices(library.id), surveys.listForLibrary(library.id)]);
  const surveyId = surveyList[0]?.id ?? null;
  for (const demo of ideas) {
    const idea = await prototypes.createIdea(
      library.id,
      { title: demo.title, description: demo.description, insightIds: linkedInsights(demo, insights) },
      library.leadId,
      day(demo.addedOn),
    );
    for (const item of demo.prototypes) {
      const { title, description, materials, costCents } = item;
      const prototype = await prototypes.createPrototype(
        library.id,
        { title, description, materials, costCents, ideaId: idea.id },
        library.memberId,
        day(item.builtOn),
      );
      await prototypes.addSessions(
        library.id,
        prototype.id,
        item.sessions.map(({ withSurvey, ...session }) => ({ ...session, surveyId: withSurvey ? surveyId : null })),
        library.memberId,
      );
      if (item.decision) {
        const { decision, reason, on } = item.decision;
        await prototypes.decide(library.id, prototype.id, { decision, reason }, library.leadId, day(on));
      }
    }
  }
}

/**
 * Demo ideas, prototypes, test sessions and decisions: Ignacio's foam-board
 * media lab, Glenns Ferry's cardboard makerspace and pop-up craft table, and
 * Madison's taped shelving moves and movable seating. Ideas are linked to the
 * discovery insights their words match, when discovery was seeded.
 */
export async function seedDemoPrototypes(services: Services, context: JourneyContext): Promise<void> {
  await seedLibrary(services, context.ignacio, IGNACIO);
  await seedLibrary(services, context.glennsFerry, GLENNS_FERRY);
  await seedLibrary(services, context.madison, MADISON);
}
