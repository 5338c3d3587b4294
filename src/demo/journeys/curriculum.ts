import type { Services } from '../../server/services';
import type { ModuleInput } from '../../features/learning/service';

/**
 * The first cohort's curriculum, in the order of the program outline. Each
 * module opens ahead of the work it prepares for: placemaking and community
 * planning while libraries discover, flexing the space in the autumn, design
 * thinking before the winter prototypes and action planning before the plans
 * written in early 2017 (see plan.ts).
 */
export const DEMO_MODULES: ModuleInput[] = [
  {
    title: 'Active learning and placemaking',
    phase: 'discover',
    introduction: `A smart space is more than new furniture: it is a place where people learn by **doing, exploring and playing**.

This module looks at how small libraries have made room for hands-on learning, and at *placemaking*: shaping a space around what the people who use it care about.`,
    objectives: [
      'Describe what active learning looks like in a small library',
      'Walk your library as a first-time visitor and note what invites people to stay',
      'Name one place in your building that could become a smart space',
    ],
    opensOn: '2016-08-01',
  },
  {
    title: 'Inspired planning with your community',
    phase: 'discover',
    introduction: `Before choosing what to build, ask. This module covers simple ways to hear from the whole community, not only regular visitors:

- short surveys, on paper and online;
- conversations at places people already go;
- open-ended prompts such as a Wish Tree.`,
    objectives: [
      'Choose two ways to reach people who rarely visit the library',
      'Write survey questions that ask about needs rather than furniture',
      'Sort what you heard into a few themes to share with your team',
      'Plan how you will tell the community what you learned',
    ],
    opensOn: '2016-09-12',
  },
  {
    title: 'Flexing your space',
    phase: 'flex',
    introduction: `Most small libraries cannot add a room, but they can change how a room works. This module is about furniture on casters, weeding to free floor space, and layouts that change between morning and evening.

Bring a floor plan of your library to the live session.`,
    objectives: [
      'Measure your space and mark what can and cannot move',
      'Find shelving or storage that could be weeded or moved',
      'Sketch two layouts for different times of day',
    ],
    opensOn: '2016-10-24',
  },
  {
    title: 'Design thinking, ideation and prototyping',
    phase: 'ideate',
    introduction: `Design thinking turns what you heard into ideas you can test cheaply. You will generate many ideas, pick a few, and build **rough prototypes** (floor tape, cardboard, foam board, a pop-up program) to try with patrons before spending the subgrant.`,
    objectives: [
      'Run a short ideation session with staff and patrons',
      'Choose an idea to test and say what you want to learn from it',
      'Build a prototype for under fifty dollars and try it with patrons',
      'Record what worked and what you would change',
    ],
    opensOn: '2016-12-05',
  },
  {
    title: 'Action planning',
    phase: 'plan',
    introduction: `An action plan turns the tested ideas into goals, tasks with owners and dates, milestones and a budget. This module walks through writing one that your board, your coach and your team can follow.`,
    objectives: [
      'Write two or three goals for your smart space',
      'Break each goal into tasks with an owner, a start and a due date',
      'Set milestones, including the day the space opens',
      'Plan the subgrant across the spending categories',
    ],
    opensOn: '2017-01-16',
  },
];

/** Demo data for the learning part: the first cohort's curriculum modules, in the program's order. */
export async function seedDemoCurriculum(services: Services, cohortId: string): Promise<void> {
  for (const module of DEMO_MODULES) await services.learning.createModule(cohortId, module);
}
