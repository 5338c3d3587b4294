import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the workspace part of the three demo journeys. */
export async function seedDemoWorkspace(_services: Services, _context: JourneyContext): Promise<void> {}
