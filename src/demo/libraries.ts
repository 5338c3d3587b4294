/**
 * The fifteen libraries of the first cohort (2016–2018) of the program the
 * demo is modelled on. Names, towns and the number of people served are
 * public facts; the descriptions are our own short summaries of them.
 */

export interface DemoLibrary {
  name: string;
  town: string;
  state: string;
  peopleServed: number | null;
  description: string;
}

/** Each state's IANA time zone, as used by the libraries of the demo cohort. */
export const STATE_TIME_ZONES: Record<string, string> = {
  AL: 'America/Chicago',
  CO: 'America/Denver',
  IA: 'America/Chicago',
  ID: 'America/Boise',
  MN: 'America/Chicago',
  MT: 'America/Denver',
  NC: 'America/New_York',
  NH: 'America/New_York',
  NY: 'America/New_York',
  PA: 'America/New_York',
  SD: 'America/Chicago',
  TX: 'America/Chicago',
};

export const DEMO_LIBRARIES: DemoLibrary[] = [
  {
    name: 'Caledonia Public Library',
    town: 'Caledonia',
    state: 'MN',
    peopleServed: null,
    description:
      'A small-town library in southeastern Minnesota rethinking how its rooms can host learning and gatherings for every age.',
  },
  {
    name: 'Cornwall Public Library',
    town: 'Cornwall',
    state: 'NY',
    peopleServed: 12_646,
    description:
      'Serving a Hudson Valley community, the library gave up its old reference area to make a space that belongs to teenagers.',
  },
  {
    name: 'Glenns Ferry Public Library',
    town: 'Glenns Ferry',
    state: 'ID',
    peopleServed: 1_241,
    description:
      'A small library on the Snake River that emptied a room once used to store VHS tapes and turned it into a makerspace.',
  },
  {
    name: 'Greenwich Free Library',
    town: 'Greenwich',
    state: 'NY',
    peopleServed: 4_942,
    description:
      'Before building anything, the library tried out a flexible classroom as a cardboard prototype and asked patrons what worked.',
  },
  {
    name: 'Honey Grove Library & Learning Center',
    town: 'Honey Grove',
    state: 'TX',
    peopleServed: null,
    description:
      'A library and learning center in northeast Texas planning a space where neighbours can learn, make and meet.',
  },
  {
    name: 'Hot Springs Library',
    town: 'Hot Springs',
    state: 'NC',
    peopleServed: 560,
    description:
      'The smallest community in the cohort, in the mountains of western North Carolina, showing how much a small room can do.',
  },
  {
    name: 'Ignacio Community Library',
    town: 'Ignacio',
    state: 'CO',
    peopleServed: 5_200,
    description:
      'Staff built foam-board models of a planned media lab at scale so that patrons could walk through the layout and react to it.',
  },
  {
    name: 'James Kennedy Public Library',
    town: 'Dyersville',
    state: 'IA',
    peopleServed: 4_196,
    description:
      'A library in a farming town of eastern Iowa looking for ways to open its space to active learning and community use.',
  },
  {
    name: 'Madison Public Library',
    town: 'Madison',
    state: 'SD',
    peopleServed: 12_622,
    description:
      'The library set up Wish Trees at nine places around town to gather ideas, then taped the floor to test moving its shelving.',
  },
  {
    name: 'Norelius Community Library',
    town: 'Denison',
    state: 'IA',
    peopleServed: 8_308,
    description:
      'A western Iowa library asking its community what it needs before reworking its space for learning and gathering.',
  },
  {
    name: 'Punxsutawney Memorial Library',
    town: 'Punxsutawney',
    state: 'PA',
    peopleServed: 15_760,
    description:
      'Its community survey turned out to be the most useful discovery tool; one of the results was a Lego maker corner.',
  },
  {
    name: 'Ronan Library District',
    town: 'Ronan',
    state: 'MT',
    peopleServed: 8_645,
    description:
      'A library district in northwestern Montana planning a flexible space for learning and gathering in its rural community.',
  },
  {
    name: 'Town Creek Public Library',
    town: 'Town Creek',
    state: 'AL',
    peopleServed: 1_100,
    description:
      'A small library in north Alabama reimagining its room as a place for discovery, play and conversation.',
  },
  {
    name: 'Tucker Free Library',
    town: 'Henniker',
    state: 'NH',
    peopleServed: null,
    description:
      'The library created KIDSpace, an active learning space for children, and shared its progress along the way in postcards.',
  },
  {
    name: 'Wilton Public and Gregg Free Library',
    town: 'Wilton',
    state: 'NH',
    peopleServed: 3_700,
    description:
      'A small New Hampshire library rethinking its rooms so they can adapt to the many ways its community uses them.',
  },
];
