/** A demo library whose journey is seeded, with its team. */
export interface JourneyLibrary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  leadId: string;
  memberId: string;
}

/** What each part's demo seed receives: the three libraries with full journeys, and the admin. */
export interface JourneyContext {
  glennsFerry: JourneyLibrary;
  madison: JourneyLibrary;
  ignacio: JourneyLibrary;
  adminId: string;
}
