import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Translate } from '../../i18n';
import { newId } from '../../db/ids';
import { utcToLocal } from '../../i18n/time';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { spaceUseRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import { emptyForm, type FieldErrors, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { countField, readSpaceForm, readSweepForm, readSyncRecord, spaceFormValues, syncRecordsOf, zoneFields } from './schema';
import { MAX_ZONES, UnknownZoneError, type Space, type SweepProblem } from './service';
import { newSpacePath, spacePath, spaceUsePath, sweepsPath } from './urls';
import { SpacesPage } from './views/spaces-page';
import { SpaceFormPage } from './views/space-form-page';
import { SweepFormPage } from './views/sweep-form-page';
import { SweepsPage } from './views/sweeps-page';

/** The field and message of each problem the service found with a sweep from the form. */
function problemErrors(problems: SweepProblem[], space: Space, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const zone = (id: string | undefined) => space.zones.find((z) => z.id === id);
  for (const { reason, zoneId } of problems) {
    const z = zone(zoneId);
    if (reason === 'future') errors.startedAt = t('spaceUse.error.future');
    else if (reason === 'negative' && z) errors[countField(z.id)] = t('spaceUse.error.negative', { zone: z.name });
    else if (reason === 'unconfirmed-high' && z) errors[countField(z.id)] = t('spaceUse.error.high', { zone: z.name, capacity: z.capacity });
    else if (reason === 'conflict') errors.zones = t('spaceUse.error.conflict');
    else errors.zones = t('spaceUse.error.unknownZone');
  }
  return errors;
}

/** Spaces and zones, the sweep form, the list of sweeps, and the sync endpoint of recording devices. */
export async function spaceUseRoutes(app: FastifyInstance) {
  const { spaceUse } = app.services;

  /** The library's space named by `:space`, or a 404 (also for another library's space). */
  async function spaceFrom(request: FastifyRequest<{ Params: { space: string } }>): Promise<Space> {
    const space = await spaceUse.getSpace(scopedLibrary(request).id, request.params.space);
    if (!space) throw new HttpError(404);
    return space;
  }

  addRoute(app, paths.spaces, async (request, reply) => {
    const library = scopedLibrary(request);
    const spaces = await spaceUse.listSpaces(library.id);
    return reply.view(<SpacesPage library={library} spaces={spaces} />);
  });

  addRoute(app, paths.sweeps, async (request, reply) => {
    const library = scopedLibrary(request);
    const result = await spaceUse.listSweeps(library.id, pageNumber(request.query.page));
    return reply.view(<SweepsPage library={library} result={result} />);
  });

  addRoute(app, paths.newSpaceForm, async (request, reply) => {
    const library = scopedLibrary(request);
    const title = request.t('spaceUse.new.title');
    return reply.view(<SpaceFormPage library={library} action={newSpacePath(library)} title={title} form={emptyForm()} />);
  });

  addRoute(app, paths.createSpace, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readSpaceForm(request.body, request.t);
    if (!form.ok) {
      const title = request.t('spaceUse.new.title');
      return reply.view(<SpaceFormPage library={library} action={newSpacePath(library)} title={title} form={form} />, 400);
    }
    await spaceUse.createSpace(library.id, form.value);
    return reply.flash('success', request.t('spaceUse.new.done')).redirect(spaceUsePath(library), 303);
  });

  addRoute(app, paths.editSpaceForm, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const form = emptyForm(spaceFormValues(space));
    const title = request.t('spaceUse.edit.title', { space: space.name });
    return reply.view(
      <SpaceFormPage library={library} action={spacePath(library, space.id, 'edit')} title={title} form={form} />,
    );
  });

  addRoute(app, paths.updateSpace, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const form = readSpaceForm(request.body, request.t);
    let shown: FormState = form.ok ? { values: form.values, errors: {} } : form;
    if (form.ok) {
      try {
        await spaceUse.updateSpace(space, form.value);
        return reply.flash('success', request.t('spaceUse.edit.done')).redirect(spaceUsePath(library), 303);
      } catch (error) {
        if (!(error instanceof UnknownZoneError)) throw error;
        // The message goes by the row that named the zone, so the summary links to it.
        const row = Array.from({ length: MAX_ZONES }, (_, n) => zoneFields(n)).find((f) => form.values[f.id] === error.zoneId);
        shown = { values: form.values, errors: { [row?.name ?? 'name']: request.t('spaceUse.error.zoneGone') } };
      }
    }
    const title = request.t('spaceUse.edit.title', { space: space.name });
    return reply.view(<SpaceFormPage library={library} action={spacePath(library, space.id, 'edit')} title={title} form={shown} />, 400);
  });

  addRoute(app, paths.newSweepForm, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const form = emptyForm({ id: newId(), startedAt: utcToLocal(spaceUse.now(), library.timeZone) });
    return reply.view(<SweepFormPage library={library} space={space} form={form} askToConfirm={false} />);
  });

  addRoute(app, paths.createSweep, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const form = readSweepForm(request.body, space, library.timeZone, request.t);
    let shown: FormState = form.ok ? { values: form.values, errors: {} } : form;
    let high = false;
    if (form.ok) {
      const outcome = await spaceUse.recordSweep(library.id, form.value, request.actor?.id ?? null);
      if (outcome.status !== 'refused') {
        const message = request.t(outcome.status === 'stored' ? 'spaceUse.sweep.done' : 'spaceUse.sweep.already');
        return reply.flash('success', message).redirect(sweepsPath(library), 303);
      }
      high = outcome.problems.some((p) => p.reason === 'unconfirmed-high');
      shown = { values: form.values, errors: problemErrors(outcome.problems, space, request.t) };
    }
    const askToConfirm = high || shown.values.confirm === 'yes';
    return reply.view(<SweepFormPage library={library} space={space} form={shown} askToConfirm={askToConfirm} />, 400);
  });

  /*
   * Devices send the sweeps they recorded as JSON, `{ _csrf, records: [...] }`,
   * the CSRF token taken from the page that opened the counter, as every form
   * sends it. Each record is stored in its own transaction before its answer
   * is written, so a reply never acknowledges what was not committed, and a
   * request cut off half-way leaves only whole sweeps, each found again as a
   * duplicate when the device sends it again.
   */
  addRoute(app, paths.sync, async (request, reply) => {
    const library = scopedLibrary(request);
    const records = syncRecordsOf(request.body);
    if (!records) return reply.code(400).send({ error: 'malformed-batch' });
    const results = [];
    for (const [index, raw] of records.entries()) {
      const record = readSyncRecord(raw);
      if (!record.ok) {
        results.push({ index, id: record.id, status: 'refused', reason: record.reason });
        continue;
      }
      const outcome = await spaceUse.recordSweep(library.id, record.input, request.actor?.id ?? null);
      if (outcome.status === 'refused') {
        const [problem] = outcome.problems;
        results.push({ index, id: record.input.id, status: 'refused', reason: problem!.reason, ...(problem!.zoneId ? { zone: problem!.zoneId } : {}) });
      } else {
        results.push({ index, id: record.input.id, status: outcome.status });
      }
    }
    return reply.header('cache-control', 'no-store').send({ results });
  });
}
