import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const read = 'library.view' as const;
const record = 'library.work' as const;
const paged = Type.Object({ page: queryValue() });

const EVENTS = '/libraries/:library/events';
const EVENT = `${EVENTS}/:event`;
const OCCURRENCE = `${EVENT}/occurrences/:occurrence`;

/** The routes of a library's programs and events: every link to them is built from this table with `href`. */
export const eventsRoutes = defineRoutes({
  list: { method: 'GET', path: EVENTS, can: read, query: paged },
  csv: { method: 'GET', path: '/libraries/:library/events.csv', can: read },
  newForm: { method: 'GET', path: `${EVENTS}/new`, can: record },
  create: { method: 'POST', path: `${EVENTS}/new`, can: record },
  show: { method: 'GET', path: EVENT, can: read, query: paged },
  editForm: { method: 'GET', path: `${EVENT}/edit`, can: record },
  update: { method: 'POST', path: `${EVENT}/edit`, can: record },
  newOccurrenceForm: { method: 'GET', path: `${EVENT}/occurrences/new`, can: record },
  createOccurrence: { method: 'POST', path: `${EVENT}/occurrences/new`, can: record },
  editOccurrenceForm: { method: 'GET', path: `${OCCURRENCE}/edit`, can: record },
  updateOccurrence: { method: 'POST', path: `${OCCURRENCE}/edit`, can: record },
  deleteOccurrenceForm: { method: 'GET', path: `${OCCURRENCE}/delete`, can: record },
  deleteOccurrence: { method: 'POST', path: `${OCCURRENCE}/delete`, can: record },
});
