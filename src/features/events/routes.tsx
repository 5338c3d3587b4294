import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRoute, href } from '../../server/route-contract';
import { sendCsv } from '../../server/csv-response';
import { HttpError } from '../../server/http-error';
import { scopedLibrary } from '../../server/library-scope';
import { emptyForm } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { eventsRoutes as paths } from './route-table';
import { eventFormValues, occurrenceFormValues, readEventForm, readOccurrenceForm } from './schema';
import { EventsPage } from './views/events-page';
import { EventFormPage } from './views/event-form-page';
import { EventPage } from './views/event-page';
import { OccurrenceFormPage } from './views/occurrence-form-page';
import { DeleteOccurrencePage } from './views/delete-occurrence-page';
import { serviceAreaLabel } from './views/labels';

/** A library's programs and events, and each time one was held. */
export async function eventsRoutes(app: FastifyInstance) {
  const { events } = app.services;

  /** The library's event named by `:event`, or a 404 (also for another library's event). */
  async function eventFrom(request: FastifyRequest<{ Params: { event: string } }>) {
    const event = await events.getEvent(scopedLibrary(request).id, request.params.event);
    if (!event) throw new HttpError(404);
    return event;
  }

  /** The event's occurrence named by `:occurrence`, or a 404 (also for another event's occurrence). */
  async function occurrenceFrom(request: FastifyRequest<{ Params: { occurrence: string } }>, eventId: string) {
    const occurrence = await events.getOccurrence(scopedLibrary(request).id, eventId, request.params.occurrence);
    if (!occurrence) throw new HttpError(404);
    return occurrence;
  }

  addRoute(app, paths.list, async (request, reply) => {
    const library = scopedLibrary(request);
    const result = await events.listEvents(library.id, pageNumber(request.query.page));
    return reply.view(<EventsPage library={library} result={result} />);
  });

  addRoute(app, paths.csv, async (request, reply) => {
    const library = scopedLibrary(request);
    const { t } = request;
    const header = ['events.column.title', 'events.column.serviceArea', 'events.column.heldOn', 'events.column.startsAt', 'events.field.attendance', 'events.column.note'] as const;
    const rows = events.occurrenceRows(library.id, header.map((key) => t(key)), (area) => serviceAreaLabel(t, area));
    return sendCsv(reply, `events-${library.slug}.csv`, rows);
  });

  addRoute(app, paths.newForm, async (request, reply) => reply.view(<EventFormPage library={scopedLibrary(request)} form={emptyForm()} />));

  addRoute(app, paths.create, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readEventForm(request.body, request.t);
    if (!form.ok) return reply.view(<EventFormPage library={library} form={form} />, 400);
    const event = await events.createEvent(library.id, form.value, request.actor?.id ?? null);
    return reply
      .flash('success', request.t('events.new.done', { title: event.title }))
      .redirect(href(paths.show, { library: library.slug, event: event.id }), 303);
  });

  addRoute(app, paths.show, async (request, reply) => {
    const library = scopedLibrary(request);
    const event = await eventFrom(request);
    const occurrences = await events.listOccurrences(library.id, event.id, pageNumber(request.query.page));
    return reply.view(<EventPage library={library} event={event} occurrences={occurrences} />);
  });

  addRoute(app, paths.editForm, async (request, reply) => {
    const event = await eventFrom(request);
    return reply.view(<EventFormPage library={scopedLibrary(request)} event={event} form={emptyForm(eventFormValues(event))} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const library = scopedLibrary(request);
    const event = await eventFrom(request);
    const form = readEventForm(request.body, request.t);
    if (!form.ok) return reply.view(<EventFormPage library={library} event={event} form={form} />, 400);
    await events.updateEvent(library.id, event.id, form.value);
    return reply.flash('success', request.t('events.edit.done')).redirect(href(paths.show, { library: library.slug, event: event.id }), 303);
  });

  addRoute(app, paths.newOccurrenceForm, async (request, reply) => {
    const event = await eventFrom(request);
    return reply.view(<OccurrenceFormPage library={scopedLibrary(request)} event={event} form={emptyForm()} />);
  });

  addRoute(app, paths.createOccurrence, async (request, reply) => {
    const library = scopedLibrary(request);
    const event = await eventFrom(request);
    const form = readOccurrenceForm(request.body, request.t, events.today(library));
    if (!form.ok) return reply.view(<OccurrenceFormPage library={library} event={event} form={form} />, 400);
    await events.addOccurrence(library.id, event.id, form.value);
    return reply
      .flash('success', request.t('events.occurrence.new.done'))
      .redirect(href(paths.show, { library: library.slug, event: event.id }), 303);
  });

  addRoute(app, paths.editOccurrenceForm, async (request, reply) => {
    const event = await eventFrom(request);
    const occurrence = await occurrenceFrom(request, event.id);
    const form = emptyForm(occurrenceFormValues(occurrence));
    return reply.view(<OccurrenceFormPage library={scopedLibrary(request)} event={event} occurrence={occurrence} form={form} />);
  });

  addRoute(app, paths.updateOccurrence, async (request, reply) => {
    const library = scopedLibrary(request);
    const event = await eventFrom(request);
    const occurrence = await occurrenceFrom(request, event.id);
    const form = readOccurrenceForm(request.body, request.t, events.today(library));
    if (!form.ok) return reply.view(<OccurrenceFormPage library={library} event={event} occurrence={occurrence} form={form} />, 400);
    await events.updateOccurrence(library.id, event.id, occurrence.id, form.value);
    return reply
      .flash('success', request.t('events.occurrence.edit.done'))
      .redirect(href(paths.show, { library: library.slug, event: event.id }), 303);
  });

  addRoute(app, paths.deleteOccurrenceForm, async (request, reply) => {
    const event = await eventFrom(request);
    const occurrence = await occurrenceFrom(request, event.id);
    return reply.view(<DeleteOccurrencePage library={scopedLibrary(request)} event={event} occurrence={occurrence} />);
  });

  addRoute(app, paths.deleteOccurrence, async (request, reply) => {
    const library = scopedLibrary(request);
    const event = await eventFrom(request);
    const occurrence = await occurrenceFrom(request, event.id);
    await events.deleteOccurrence(library.id, event.id, occurrence.id);
    return reply
      .flash('success', request.t('events.occurrence.delete.done'))
      .redirect(href(paths.show, { library: library.slug, event: event.id }), 303);
  });
}
