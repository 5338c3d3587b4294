import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../server/http-error';
import { scopedLibrary } from '../../server/library-scope';
import { addRoute } from '../../server/route-contract';
import { acceptUploads } from '../../server/uploads';
import { emptyForm, type FormState } from '../../ui/forms';
import { defaultChoiceValues, MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES, parsedRefusal, readImportChoice, uploadedText } from './import-schema';
import { importMapPath, importPath } from './import-urls';
import { spaceUseRoutes as paths } from './route-table';
import type { Space } from './service';
import { parseSumaExport, type SumaProblem } from './suma';
import { sweepsPath } from './urls';
import { ImportMapPage, ImportUploadPage } from './views/import-pages';

/**
 * Importing a Suma raw-data export into a space, in two steps: the upload,
 * whose text is kept server-side under an unguessable key (decision 032),
 * then the preview with the mapping of Suma locations to zones, which
 * imports. Nothing the page sends back is trusted: the file is read again
 * from the kept text, and every zone named is checked against the space.
 */
export async function spaceUseImportRoutes(app: FastifyInstance) {
  const { spaceUse, spaceUseImport } = app.services;

  await acceptUploads(app, MAX_IMPORT_BYTES);

  /** The library's space of that id, or a 404 (also for another library's space). */
  async function spaceOf(libraryId: string, spaceId: string): Promise<Space> {
    const space = await spaceUse.getSpace(libraryId, spaceId);
    if (!space) throw new HttpError(404);
    return space;
  }

  addRoute(app, paths.importForm, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceOf(library.id, request.params.space);
    return reply.view(<ImportUploadPage library={library} space={space} form={emptyForm()} />);
  });

  addRoute(app, paths.importUpload, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceOf(library.id, request.params.space);
    const { t } = request;
    const read = uploadedText((request.body as Record<string, unknown> | undefined)?.upload);
    const refused = (message: string, problems: SumaProblem[] = []) =>
      reply.view(<ImportUploadPage library={library} space={space} form={{ values: {}, errors: { file: message } }} problems={problems} />, 400);
    if (!read.ok) {
      if (read.refusal === 'noFile') return refused(t('spaceUseImport.error.noFile'));
      if (read.refusal === 'tooLarge') return refused(t('spaceUseImport.error.tooLarge', { megabytes: MAX_IMPORT_MEGABYTES }));
      return refused(t('spaceUseImport.error.notCsv'));
    }
    const parsed = parseSumaExport(read.text);
    const refusal = parsedRefusal(parsed);
    if (refusal === 'notSuma') return refused(t('spaceUseImport.error.notSuma'));
    if (refusal === 'nothingRead') return refused(t('spaceUseImport.error.nothingRead'), parsed.problems);
    const upload = await spaceUseImport.stage(library.id, space.id, read.text, request.actor?.id ?? null);
    return reply.redirect(importMapPath(library, space.id, upload), 303);
  });

  addRoute(app, paths.importMapForm, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceOf(library.id, request.params.space);
    const upload = typeof request.query.upload === 'string' ? request.query.upload : '';
    const staged = upload ? await spaceUseImport.staged(library.id, space.id, upload) : undefined;
    if (!staged) return reply.flash('info', request.t('spaceUseImport.error.expired')).redirect(importPath(library, space.id), 303);
    const form = emptyForm(defaultChoiceValues(staged.parsed, space, library.timeZone));
    return reply.view(<ImportMapPage library={library} space={space} upload={staged.id} parsed={staged.parsed} form={form} />);
  });

  addRoute(app, paths.importRun, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceOf(library.id, request.params.space);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const staged = typeof body.upload === 'string' && body.upload ? await spaceUseImport.staged(library.id, space.id, body.upload) : undefined;
    if (!staged) return reply.flash('info', request.t('spaceUseImport.error.expired')).redirect(importPath(library, space.id), 303);
    const choice = readImportChoice(body, space, staged.parsed, request.t);
    let shown: FormState = choice.ok ? { values: choice.values, errors: {} } : choice;
    if (choice.ok && staged.parsed.problems.length > 0 && !choice.value.goodRowsOnly) {
      // A file with unreadable rows imports nothing until the person says the rest may go in without them.
      shown = { values: choice.values, errors: { goodRowsOnly: request.t('spaceUseImport.error.badRows') } };
    } else if (choice.ok) {
      const { mapping, timeZone } = choice.value;
      const summary = await spaceUseImport.importStaged(library.id, space, staged, mapping, timeZone, request.actor?.id ?? null);
      const message =
        summary.stored === 0 && summary.refused === 0 ? request.t('spaceUseImport.already') : request.t('spaceUseImport.done', { ...summary });
      return reply.flash('success', message).redirect(sweepsPath(library), 303);
    }
    return reply.view(<ImportMapPage library={library} space={space} upload={staged.id} parsed={staged.parsed} form={shown} />, 400);
  });
}
