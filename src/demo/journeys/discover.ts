import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the discover part of the three demo journeys. */
export async function seedDemoDiscover(_services: Services, _context: JourneyContext): Promise<void> {}
