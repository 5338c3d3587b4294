import type { Services } from '../../server/services';
import type { PlanTaskStatus } from '../../db/tables/plan';
import type { JourneyContext, JourneyLibrary } from './context';

/**
 * The day each journey's transformed space opened: its plan's opening
 * milestone, and the day the demo's space-use counts turn on.
 */
export const OPENING_DAYS = { glennsFerry: '2017-07-08', madison: '2017-05-20', ignacio: '2017-06-10' } as const;

interface DemoTask {
  title: string;
  owner: 'lead' | 'member';
  startsOn: string;
  dueOn: string;
  status: PlanTaskStatus;
  /** The title of an earlier task of the same plan. */
  dependsOn?: string;
}

interface DemoGoal {
  title: string;
  description: string;
  tasks: DemoTask[];
  milestones: Array<{ title: string; dueOn: string }>;
}

interface DemoLine {
  category: string;
  description: string;
  /** Dollars. */
  planned: number;
  actual: number;
  vendor: string;
  /** The title of a task of the same plan. */
  task?: string;
}

interface DemoPlan {
  goals: DemoGoal[];
  budget: DemoLine[];
}

const GLENNS_FERRY: DemoPlan = {
  goals: [
    {
      title: 'Turn the old VHS storage room into a makerspace',
      description:
        'The room behind the circulation desk has held boxes of VHS tapes for years. Cleared out, it can hold work tables, ' +
        'a 3D printer and craft supplies that people of every age can use.',
      tasks: [
        { title: 'Weed the VHS collection and clear the room', owner: 'lead', startsOn: '2017-01-09', dueOn: '2017-02-17', status: 'done' },
        {
          title: 'Patch and paint the walls',
          owner: 'member',
          startsOn: '2017-02-20',
          dueOn: '2017-03-17',
          status: 'done',
          dependsOn: 'Weed the VHS collection and clear the room',
        },
        {
          title: 'Install wall shelving and two work tables',
          owner: 'member',
          startsOn: '2017-03-20',
          dueOn: '2017-04-28',
          status: 'done',
          dependsOn: 'Patch and paint the walls',
        },
        { title: 'Stock craft, sewing and electronics supplies', owner: 'member', startsOn: '2017-04-17', dueOn: '2017-05-19', status: 'done' },
        {
          title: 'Set up the 3D printer and two laptops',
          owner: 'lead',
          startsOn: '2017-05-01',
          dueOn: '2017-05-26',
          status: 'in_progress',
          dependsOn: 'Install wall shelving and two work tables',
        },
      ],
      milestones: [
        { title: 'Room cleared', dueOn: '2017-02-17' },
        { title: 'Makerspace opens to the public', dueOn: OPENING_DAYS.glennsFerry },
      ],
    },
    {
      title: 'Build a team of volunteer mentors',
      description: 'High-school students and retired tradespeople who help patrons use the tools and lead a workshop now and then.',
      tasks: [
        { title: 'Recruit mentors at the high school and the senior center', owner: 'lead', startsOn: '2017-03-01', dueOn: '2017-05-31', status: 'in_progress' },
        {
          title: 'Train mentors on the printer and the safety rules',
          owner: 'lead',
          startsOn: '2017-06-05',
          dueOn: '2017-06-23',
          status: 'not_started',
          dependsOn: 'Set up the 3D printer and two laptops',
        },
        { title: 'Draw up the open-hours and mentor schedule', owner: 'member', startsOn: '2017-06-01', dueOn: '2017-06-30', status: 'blocked' },
      ],
      milestones: [{ title: 'First mentor-led workshop', dueOn: '2017-07-22' }],
    },
  ],
  budget: [
    { category: 'Furniture', description: 'Wall shelving and two work tables', planned: 1450, actual: 1398.2, vendor: 'Snake River Building Supply', task: 'Install wall shelving and two work tables' },
    { category: 'Technology', description: '3D printer, filament and two laptops', planned: 1600, actual: 1549.99, vendor: 'Treasure Valley Computers', task: 'Set up the 3D printer and two laptops' },
    { category: 'Materials and supplies', description: 'Craft, sewing and electronics kits', planned: 850, actual: 612.4, vendor: 'Boise Craft Warehouse', task: 'Stock craft, sewing and electronics supplies' },
    { category: 'Signage', description: 'Makerspace sign and safety posters', planned: 180, actual: 165, vendor: 'Elmore Print Shop' },
    { category: 'Programs and events', description: 'Mentor training and opening day', planned: 400, actual: 0, vendor: '' },
    { category: 'Prototyping', description: 'Cardboard and tape for the layout test', planned: 60, actual: 48.75, vendor: '' },
  ],
};

const MADISON: DemoPlan = {
  goals: [
    {
      title: 'Open up the main floor with movable shelving',
      description: 'The Wish Trees asked for more room to sit and meet. Shelving on casters frees the middle of the floor and can be moved for events.',
      tasks: [
        { title: 'Tape the floor to test new shelving positions', owner: 'lead', startsOn: '2016-12-05', dueOn: '2017-01-13', status: 'done' },
        {
          title: 'Order shelving units on casters',
          owner: 'lead',
          startsOn: '2017-02-01',
          dueOn: '2017-03-15',
          status: 'done',
          dependsOn: 'Tape the floor to test new shelving positions',
        },
        {
          title: 'Move the collection onto the new shelving',
          owner: 'member',
          startsOn: '2017-03-20',
          dueOn: '2017-04-21',
          status: 'in_progress',
          dependsOn: 'Order shelving units on casters',
        },
        {
          title: 'Put up wayfinding signs for the new layout',
          owner: 'member',
          startsOn: '2017-04-24',
          dueOn: '2017-05-12',
          status: 'not_started',
          dependsOn: 'Move the collection onto the new shelving',
        },
      ],
      milestones: [
        { title: 'Floor test finished', dueOn: '2017-01-13' },
        { title: 'New layout open', dueOn: OPENING_DAYS.madison },
      ],
    },
    {
      title: 'Add comfortable seating where people asked for it',
      description: 'Lounge chairs by the windows and floor cushions in the children’s area, as the wishes from the nine sites suggested.',
      tasks: [
        { title: 'Choose and order lounge chairs and floor cushions', owner: 'lead', startsOn: '2017-03-01', dueOn: '2017-04-14', status: 'in_progress' },
      ],
      milestones: [],
    },
    {
      title: 'Turn the Wish Tree ideas into programs',
      description: 'Sort what people wished for and start with the programs most asked for.',
      tasks: [
        { title: 'Sort the wishes from the nine Wish Tree sites into themes', owner: 'member', startsOn: '2016-11-01', dueOn: '2016-11-30', status: 'done' },
        { title: 'Plan a monthly maker night', owner: 'lead', startsOn: '2017-04-01', dueOn: '2017-05-31', status: 'blocked' },
      ],
      milestones: [{ title: 'First program drawn from the wishes', dueOn: '2017-06-15' }],
    },
  ],
  // Planned a little over the subgrant: the plan page shows the warning.
  budget: [
    { category: 'Furniture', description: 'Shelving units on casters', planned: 2650, actual: 2655, vendor: 'Prairie Library Furnishings', task: 'Order shelving units on casters' },
    { category: 'Furniture', description: 'Lounge chairs and floor cushions', planned: 1350, actual: 0, vendor: 'Lake County Furniture', task: 'Choose and order lounge chairs and floor cushions' },
    { category: 'Signage', description: 'Wayfinding signs', planned: 420, actual: 0, vendor: 'Madison Sign Company', task: 'Put up wayfinding signs for the new layout' },
    { category: 'Programs and events', description: 'Maker night supplies for the first three months', planned: 600, actual: 0, vendor: '', task: 'Plan a monthly maker night' },
    { category: 'Prototyping', description: 'Floor tape and cardboard for the shelving test', planned: 45, actual: 38.6, vendor: '' },
    { category: 'Materials and supplies', description: 'Wish Tree cards and markers for nine sites', planned: 120, actual: 112.35, vendor: '' },
  ],
};

const IGNACIO: DemoPlan = {
  goals: [
    {
      title: 'Build a media lab where teens record and edit',
      description: 'A corner of the library for podcasts, music and video, laid out with foam-board models before anything was bought.',
      tasks: [
        { title: 'Build foam-board models of the lab layout', owner: 'member', startsOn: '2017-01-09', dueOn: '2017-02-10', status: 'done' },
        {
          title: 'Test the models with teens and staff',
          owner: 'lead',
          startsOn: '2017-02-13',
          dueOn: '2017-02-24',
          status: 'done',
          dependsOn: 'Build foam-board models of the lab layout',
        },
        {
          title: 'Order desks and acoustic panels',
          owner: 'lead',
          startsOn: '2017-03-01',
          dueOn: '2017-04-07',
          status: 'in_progress',
          dependsOn: 'Test the models with teens and staff',
        },
        { title: 'Buy microphones, headphones and a camera', owner: 'member', startsOn: '2017-03-15', dueOn: '2017-04-28', status: 'not_started' },
      ],
      milestones: [
        { title: 'Layout chosen', dueOn: '2017-02-24' },
        { title: 'Media lab opens', dueOn: OPENING_DAYS.ignacio },
      ],
    },
    {
      title: 'Give teens a say through an advisory group',
      description: 'Teens help choose equipment, set the lab’s rules and plan its workshops.',
      tasks: [
        { title: 'Invite teens to a first advisory group meeting', owner: 'member', startsOn: '2017-02-01', dueOn: '2017-03-03', status: 'done' },
        {
          title: 'Write the group’s ground rules in English and Spanish',
          owner: 'member',
          startsOn: '2017-03-06',
          dueOn: '2017-03-31',
          status: 'in_progress',
          dependsOn: 'Invite teens to a first advisory group meeting',
        },
        { title: 'Plan a podcast workshop series with the teens', owner: 'lead', startsOn: '2017-04-03', dueOn: '2017-05-26', status: 'blocked' },
      ],
      milestones: [],
    },
  ],
  budget: [
    { category: 'Furniture', description: 'Desks and acoustic panels', planned: 1700, actual: 0, vendor: 'Four Corners Office Supply', task: 'Order desks and acoustic panels' },
    { category: 'Technology', description: 'Microphones, headphones and a camera', planned: 2100, actual: 0, vendor: 'Durango Music & Sound', task: 'Buy microphones, headphones and a camera' },
    { category: 'Prototyping', description: 'Foam board and glue for the models', planned: 85, actual: 79.4, vendor: '', task: 'Build foam-board models of the lab layout' },
    { category: 'Programs and events', description: 'Podcast workshop series', planned: 500, actual: 0, vendor: '', task: 'Plan a podcast workshop series with the teens' },
    { category: 'Signage', description: 'Bilingual media lab sign', planned: 150, actual: 0, vendor: 'Pine River Signs' },
  ],
};

const cents = (dollars: number) => Math.round(dollars * 100);

/** Seeds one library's plan through the plan service, so revisions are written as for any change. */
async function seedPlan(services: Services, library: JourneyLibrary, demo: DemoPlan): Promise<void> {
  const { plan } = services;
  const owners = { lead: library.leadId, member: library.memberId };
  const taskIds = new Map<string, string>();
  const idOf = (title: string | undefined) => {
    if (title === undefined) return null;
    const id = taskIds.get(title);
    if (!id) throw new Error(`Demo task ${title} is missing`);
    return id;
  };
  for (const goal of demo.goals) {
    const { id: goalId } = await plan.createGoal(library, { title: goal.title, description: goal.description }, library.leadId);
    for (const task of goal.tasks) {
      const input = {
        title: task.title,
        goalId,
        ownerId: owners[task.owner],
        startsOn: task.startsOn,
        dueOn: task.dueOn,
        status: task.status,
        dependsOnId: idOf(task.dependsOn),
      };
      taskIds.set(task.title, (await plan.createTask(library, input, owners[task.owner])).id);
    }
    for (const milestone of goal.milestones) await plan.createMilestone(library, { ...milestone, goalId }, library.leadId);
  }
  for (const line of demo.budget) {
    await plan.createBudgetLine(
      library,
      {
        category: line.category,
        description: line.description,
        plannedCents: cents(line.planned),
        actualCents: cents(line.actual),
        vendor: line.vendor,
        taskId: idOf(line.task),
      },
      library.memberId,
    );
  }
}

/** Demo data for the plan part of the three demo journeys. */
export async function seedDemoPlan(services: Services, context: JourneyContext): Promise<void> {
  await seedPlan(services, context.glennsFerry, GLENNS_FERRY);
  await seedPlan(services, context.madison, MADISON);
  await seedPlan(services, context.ignacio, IGNACIO);
}
