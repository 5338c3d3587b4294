import type { FastifyInstance } from 'fastify';
import type { JourneyContext, JourneyLibrary } from '../../src/demo/journeys/context';
import { makeLibrary, makePerson } from './factories';

/** A library with a lead and a member, as each demo journey has. */
async function journeyLibrary(app: FastifyInstance, name: string, cohortId: string | null): Promise<JourneyLibrary> {
  const library = await makeLibrary(app, { name, cohortId });
  const lead = await makePerson(app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
  const member = await makePerson(app, { role: 'staff', libraryId: library.id, libraryRole: 'member' });
  return { id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone, leadId: lead.id, memberId: member.id };
}

/**
 * The context the demo seeds the journeys with: the three demo libraries
 * (Glenns Ferry, Madison, Ignacio), each with a lead and a member, in the
 * cohort given if any, and a program admin.
 */
export async function journeyContext(
  app: FastifyInstance,
  options: { cohortId?: string; adminName?: string } = {},
): Promise<JourneyContext> {
  const cohortId = options.cohortId ?? null;
  const admin = await makePerson(app, { role: 'admin', name: options.adminName });
  return {
    glennsFerry: await journeyLibrary(app, 'Glenns Ferry Public Library', cohortId),
    madison: await journeyLibrary(app, 'Madison Public Library', cohortId),
    ignacio: await journeyLibrary(app, 'Ignacio Community Library', cohortId),
    adminId: admin.id,
  };
}
