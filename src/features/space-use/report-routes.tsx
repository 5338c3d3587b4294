import type { FastifyInstance, FastifyRequest } from 'fastify';
import { todayIn, utcToLocal } from '../../i18n/time';
import { sendCsv } from '../../server/csv-response';
import { HttpError } from '../../server/http-error';
import { scopedLibrary } from '../../server/library-scope';
import { addRoute, type ContractRequest } from '../../server/route-contract';
import type { RequestLibrary } from '../../server/types';
import type { FieldErrors, FormState } from '../../ui/forms';
import { dayOf, defaultPeriods, periodProblems, type PeriodProblem, type Periods, type PeriodSource, type SpaceReport } from './report-service';
import { reportCsv } from './report-table';
import { spaceUseRoutes as paths } from './route-table';
import type { Space } from './service';
import { ReportPage } from './views/report-page';

/** The field each period problem is shown by, and its message. */
const PROBLEM_FIELDS = {
  'before-order': ['beforeTo', 'spaceReport.error.beforeOrder'],
  'after-order': ['afterTo', 'spaceReport.error.afterOrder'],
  overlap: ['afterFrom', 'spaceReport.error.overlap'],
} as const satisfies Record<PeriodProblem, readonly [string, string]>;

/** A space's report page and its two CSV downloads. */
export async function spaceReportRoutes(app: FastifyInstance) {
  const { spaceUse, spaceReports, plan } = app.services;

  /** The library's space named by `:space`, or a 404 (also for another library's space). */
  async function spaceFrom(request: FastifyRequest<{ Params: { space: string } }>): Promise<Space> {
    const space = await spaceUse.getSpace(scopedLibrary(request).id, request.params.space);
    if (!space) throw new HttpError(404);
    return space;
  }

  /**
   * The report asked for by the query: the periods typed (a day that is not
   * a real day is ignored, as any unknown query value is), each missing one
   * taken from the defaults, and the zone when it is one of the space's.
   */
  async function reportFor(request: ContractRequest<typeof paths.report>, library: RequestLibrary, space: Space) {
    const days = await spaceReports.sweepDays(library.id, space.id, library.timeZone);
    const today = todayIn(library.timeZone, new Date(spaceUse.now()));
    const { milestones } = await plan.overview(library);
    const defaults = defaultPeriods(days ?? { from: today, to: today }, milestones);
    const q = request.query;
    const typed = [q.beforeFrom, q.beforeTo, q.afterFrom, q.afterTo].map(dayOf);
    const [beforeFrom, beforeTo, afterFrom, afterTo] = typed;
    const periods: Periods = {
      before: { from: beforeFrom ?? defaults.periods.before.from, to: beforeTo ?? defaults.periods.before.to },
      after: { from: afterFrom ?? defaults.periods.after.from, to: afterTo ?? defaults.periods.after.to },
    };
    const source: PeriodSource = typed.some((day) => day !== undefined) ? { kind: 'chosen' } : defaults.source;
    const zone = space.zones.find((z) => z.id === q.zone);
    const errors: FieldErrors = {};
    for (const problem of periodProblems(periods)) {
      const [field, message] = PROBLEM_FIELDS[problem];
      errors[field] = request.t(message);
    }
    const form: FormState = {
      values: { beforeFrom: periods.before.from, beforeTo: periods.before.to, afterFrom: periods.after.from, afterTo: periods.after.to, zone: zone?.id ?? '' },
      errors,
    };
    const valid = Object.keys(errors).length === 0;
    const report: SpaceReport | undefined = valid ? await spaceReports.report(library.id, space, library.timeZone, periods, zone) : undefined;
    return { form, source, report, hasSweeps: days !== undefined };
  }

  addRoute(app, paths.report, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const shown = await reportFor(request, library, space);
    return reply.view(<ReportPage library={library} space={space} {...shown} />, Object.keys(shown.form.errors).length ? 400 : 200);
  });

  addRoute(app, paths.reportCsv, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const { report } = await reportFor(request, library, space);
    if (!report) throw new HttpError(400);
    return sendCsv(reply, `space-report-${library.slug}-${space.id}.csv`, reportCsv(report, request.t));
  });

  addRoute(app, paths.sweepsCsv, async (request, reply) => {
    const library = scopedLibrary(request);
    const space = await spaceFrom(request);
    const { t } = request;
    async function* rows() {
      yield [
        t('spaceReport.csv.sweep'),
        t('spaceReport.csv.startedLocal'),
        t('spaceReport.csv.startedUtc'),
        t('spaceReport.csv.layout'),
        t('spaceReport.csv.note'),
        ...space.zones.map((z) => t('spaceReport.csv.zone', { zone: z.name })),
      ];
      for await (const sweep of spaceReports.rawSweeps(library.id, space)) {
        yield [sweep.id, utcToLocal(sweep.startedAt, library.timeZone), sweep.startedAt, sweep.layoutVersion, sweep.note, ...sweep.people];
      }
    }
    return sendCsv(reply, `sweeps-${library.slug}-${space.id}.csv`, rows());
  });
}
