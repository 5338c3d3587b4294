import type { Kysely } from 'kysely';
import type { DB, LibraryRole, Locale, Role } from '../db/types';
import type { Services } from '../server/services';
import { DEMO_LIBRARIES, STATE_TIME_ZONES } from './libraries';
import { markDemoSeeded } from './marker';
import { DEMO_PASSWORD } from './password';
import { seedDemoContent } from './content';
import { seedDemoNewsletter } from './newsletter';
import { seedDemoJourneys } from './journeys';
import { seedDemoCurriculum } from './journeys/curriculum';

export { DEMO_PASSWORD };

const PROGRAM = {
  name: 'Small Libraries Create Smart Spaces',
  description:
    'A two-year program that helps small and rural public libraries turn a room into a smart space: a flexible place ' +
    'where discovery and community meet, and where people of every age learn by doing, exploring and playing. Each ' +
    'library asks its community what it wants, tests cheap prototypes with patrons, writes an action plan for the ' +
    'space and its services, transforms the space, gathers feedback on how it is used, and shares what it learned ' +
    'with other libraries. Libraries receive a subgrant, an online curriculum of live sessions and a learning ' +
    'community, and coaching from subject-matter experts.',
  managerName: 'Robin Ellis',
  managerEmail: 'program@example.org',
};

const FIRST_COHORT = {
  name: 'Cohort 2016–2018',
  startsOn: '2016-07-01',
  endsOn: '2018-06-30',
  subgrantCents: 500_000,
  spendingCategories: ['Furniture', 'Technology', 'Materials and supplies', 'Signage', 'Programs and events', 'Prototyping'],
};

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  /** Shown next to the email when the server prints the demo sign-ins. */
  label: string;
  locale?: Locale;
  /** Staff: the library they work in (by name) and their role there. */
  library?: { name: string; role: LibraryRole };
  /** Coaches: the libraries they follow (by name). */
  coaches?: string[];
}

const staff = (library: string, role: LibraryRole, email: string, name: string, locale: Locale = 'en'): DemoPerson => ({
  email,
  name,
  role: 'staff',
  label: `${role === 'lead' ? 'Lead' : 'Staff'}, ${library}${locale === 'es' ? ' (Spanish)' : ''}`,
  locale,
  library: { name: library, role },
});

const libraryNames = DEMO_LIBRARIES.map((library) => library.name);

// Two coaches split the cohort; the last library has none, as happens when a
// coach leaves mid-program, so the demo shows that case too.
const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'admin@example.org', name: 'Robin Ellis', role: 'admin', label: 'Program admin' },
  {
    email: 'coach.dana@example.org',
    name: 'Dana Whitfield',
    role: 'coach',
    label: 'Coach of 7 libraries',
    coaches: libraryNames.slice(0, 7),
  },
  {
    email: 'coach.sam@example.org',
    name: 'Sam Okafor',
    role: 'coach',
    label: 'Coach of 7 libraries',
    coaches: libraryNames.slice(7, 14),
  },
  staff('Glenns Ferry Public Library', 'lead', 'lead.glennsferry@example.org', 'Jordan Price'),
  staff('Glenns Ferry Public Library', 'member', 'staff.glennsferry@example.org', 'Casey Lund'),
  staff('Madison Public Library', 'lead', 'lead.madison@example.org', 'Taylor Brandt'),
  staff('Madison Public Library', 'member', 'staff.madison@example.org', 'Morgan Hale'),
  staff('Ignacio Community Library', 'lead', 'lead.ignacio@example.org', 'Avery Cloud'),
  staff('Ignacio Community Library', 'member', 'staff.ignacio@example.org', 'Lucía Martínez', 'es'),
  staff('Cornwall Public Library', 'lead', 'lead.cornwall@example.org', 'Jamie Russo'),
  staff('Cornwall Public Library', 'member', 'staff.cornwall@example.org', 'Riley Chen'),
  staff('Tucker Free Library', 'lead', 'lead.tucker@example.org', 'Quinn Abbott'),
  staff('Tucker Free Library', 'member', 'staff.tucker@example.org', 'Drew Sullivan'),
];

/** The demo accounts, for the server to print at start. */
export const DEMO_SIGN_INS: ReadonlyArray<{ label: string; email: string }> = DEMO_PEOPLE.map(({ label, email }) => ({
  label,
  email,
}));

/** True when the instance has neither a program nor any person: only then is demo data added. */
export async function isEmptyInstance(services: Services): Promise<boolean> {
  const [program, people] = await Promise.all([services.programs.getProgram(), services.accounts.listPeople({}, 1)]);
  return program === undefined && people.total === 0;
}

/**
 * Fills an empty instance with a demo program: the first cohort with its
 * curriculum, its fifteen libraries, a program admin, two coaches and staff
 * for five libraries.
 * Everything goes through the features' services, so the demo data obeys the
 * same rules as data entered by hand. The `db` is used only to mark the
 * instance as holding demo data.
 */
export async function seedDemo(services: Services, db: Kysely<DB>): Promise<void> {
  const { programs, libraries, accounts } = services;
  await programs.saveProgram(PROGRAM);
  const cohort = await programs.createCohort(FIRST_COHORT);
  await seedDemoCurriculum(services, cohort.id);

  const libraryIds = new Map<string, string>();
  const libraryTimeZones = new Map<string, string>();
  for (const library of DEMO_LIBRARIES) {
    const timeZone = STATE_TIME_ZONES[library.state];
    if (!timeZone) throw new Error(`No time zone for ${library.state}`);
    const created = await libraries.createLibrary({ ...library, timeZone, website: '', cohortId: cohort.id });
    libraryIds.set(library.name, created.id);
    libraryTimeZones.set(library.name, timeZone);
  }
  const idOf = (name: string): string => {
    const id = libraryIds.get(name);
    if (!id) throw new Error(`Demo library ${name} is missing`);
    return id;
  };

  for (const person of DEMO_PEOPLE) {
    const created = await accounts.createUser({
      email: person.email,
      name: person.name,
      role: person.role,
      locale: person.locale ?? 'en',
      // People live where their library is; admins and coaches default to the program's home zone.
      timeZone: person.library ? libraryTimeZones.get(person.library.name) : 'America/Chicago',
      password: DEMO_PASSWORD,
    });
    if (person.library) await libraries.addMember(idOf(person.library.name), created.id, person.library.role);
    if (person.coaches) await libraries.setCoachedLibraries(created.id, person.coaches.map(idOf));
  }

  // Hub content links postcards and the story to the libraries made above;
  // the sent newsletter issue is built from that content.
  const admin = await accounts.findPersonByEmail('admin@example.org');
  await seedDemoContent(services, admin ? { id: admin.id } : null);
  await seedDemoNewsletter(services);
  // Three libraries walk the whole method, from discovery to a published story.
  if (admin) await seedDemoJourneys(services, admin.id);

  await markDemoSeeded(db);
}
