import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the photos part of the three demo journeys. */
export async function seedDemoPhotos(_services: Services, _context: JourneyContext): Promise<void> {}
