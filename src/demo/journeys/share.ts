import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the share part of the three demo journeys. */
export async function seedDemoShare(_services: Services, _context: JourneyContext): Promise<void> {}
