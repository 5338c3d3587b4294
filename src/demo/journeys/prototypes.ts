import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the prototypes part of the three demo journeys. */
export async function seedDemoPrototypes(_services: Services, _context: JourneyContext): Promise<void> {}
