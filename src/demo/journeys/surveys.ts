import type { Services } from '../../server/services';
import type { JourneyContext } from './context';

/** Demo data for the surveys part of the three demo journeys. */
export async function seedDemoSurveys(_services: Services, _context: JourneyContext): Promise<void> {}
