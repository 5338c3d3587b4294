import type { FastifyInstance } from 'fastify';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { jobsRoutes as paths } from './route-table';
import type { JobStatus } from '../../db/tables/jobs';
import { JOB_STATUSES, JobsPage } from './views/jobs-page';

/** Failed jobs unless another known state is asked for: they are what an admin comes here for. */
function statusOf(raw: unknown): JobStatus {
  return JOB_STATUSES.find((status) => status === raw) ?? 'failed';
}

/** The background job queue for admins, and the worker's place in the app's life. */
export async function jobsRoutes(app: FastifyInstance) {
  const { jobs } = app.services;

  // Running jobs finish and are recorded before the database closes.
  app.addHook('onClose', async () => jobs.stop());

  addRoute(app, paths.list, async (request, reply) => {
    const status = statusOf(request.query.status);
    const result = await jobs.list(status, pageNumber(request.query.page));
    return reply.view(<JobsPage status={status} result={result} />);
  });

  addRoute(app, paths.retry, async (request, reply) => {
    const job = await jobs.find(request.params.job);
    if (!job) throw new HttpError(404);
    const retried = await jobs.retry(job.id);
    const key = job.idempotency_key;
    return reply
      .flash(retried ? 'success' : 'info', request.t(retried ? 'jobs.retry.done' : 'jobs.retry.notFailed', { key }))
      .redirect(href(paths.list, {}, { status: 'failed' }), 303);
  });
}
