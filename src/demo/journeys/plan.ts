import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the plan part of the three demo journeys. */
export async function seedDemoPlan(_services: Services, _context: JourneyContext): Promise<void> {}
