import type { Services } from '../../server/services';
import type { JourneyContext, JourneyLibrary } from './context';
import { seedDemoWorkspace } from './workspace';
import { seedDemoDiscover } from './discover';
import { seedDemoPhotos } from './photos';
import { seedDemoSurveys } from './surveys';
import { seedDemoPrototypes } from './prototypes';
import { seedDemoPlan } from './plan';
import { seedDemoShare } from './share';
import { seedDemoEvents } from './events';
import { seedDemoSpaceUse } from './space-use';

/** The demo libraries whose whole journey is seeded, by name. */
const JOURNEY_LIBRARIES = {
  glennsFerry: 'Glenns Ferry Public Library',
  madison: 'Madison Public Library',
  ignacio: 'Ignacio Community Library',
} as const;

/**
 * Seeds the three demo journeys drawn from the program's libraries: Glenns
 * Ferry's makerspace, Madison's Wish Trees and Ignacio's foam-board media lab.
 * Each part seeds its own data in the order of the method, so later parts can
 * link to what earlier ones made; the events and space use of the
 * transformed spaces come last.
 */
export async function seedDemoJourneys(services: Services, adminId: string): Promise<void> {
  const { libraries } = services;
  const all = await libraries.allLibraries();
  const load = async (name: string): Promise<JourneyLibrary> => {
    const library = all.find((l) => l.name === name);
    if (!library) throw new Error(`Demo library ${name} is missing`);
    const team = await libraries.team(library.id);
    const lead = team.members.find((m) => m.role === 'lead');
    const member = team.members.find((m) => m.role === 'member') ?? lead;
    if (!lead || !member) throw new Error(`Demo library ${name} has no team`);
    return { id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone, leadId: lead.userId, memberId: member.userId };
  };
  const context: JourneyContext = {
    glennsFerry: await load(JOURNEY_LIBRARIES.glennsFerry),
    madison: await load(JOURNEY_LIBRARIES.madison),
    ignacio: await load(JOURNEY_LIBRARIES.ignacio),
    adminId,
  };
  await seedDemoWorkspace(services, context);
  await seedDemoDiscover(services, context);
  await seedDemoPhotos(services, context);
  await seedDemoSurveys(services, context);
  await seedDemoPrototypes(services, context);
  await seedDemoPlan(services, context);
  await seedDemoShare(services, context);
  await seedDemoEvents(services, context);
  await seedDemoSpaceUse(services, context);
}
