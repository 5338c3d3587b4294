import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import type { JobStatus } from '../../db/tables/jobs';
import { JOB_STATUSES, JobsPage } from './views/jobs-page';

const manage = { config: { can: 'jobs.manage' as const } };

/** Failed jobs unless another known state is asked for: they are what an admin comes here for. */
function statusOf(request: FastifyRequest): JobStatus {
  const raw = (request.query as Record<string, unknown>).status;
  return (JOB_STATUSES as readonly unknown[]).includes(raw) ? (raw as JobStatus) : 'failed';
}

/** The background job queue for admins, and the worker's place in the app's life. */
export async function jobsRoutes(app: FastifyInstance) {
  const { jobs } = app.services;

  // Running jobs finish and are recorded before the database closes.
  app.addHook('onClose', async () => jobs.stop());

  app.get('/jobs', manage, async (request, reply) => {
    const status = statusOf(request);
    const result = await jobs.list(status, pageNumber((request.query as Record<string, unknown>).page));
    return reply.view(<JobsPage status={status} result={result} />);
  });

  app.post('/jobs/:job/retry', manage, async (request, reply) => {
    const job = await jobs.find((request.params as { job: string }).job);
    if (!job) throw new HttpError(404);
    const retried = await jobs.retry(job.id);
    const key = job.idempotency_key;
    return reply
      .flash(retried ? 'success' : 'info', request.t(retried ? 'jobs.retry.done' : 'jobs.retry.notFailed', { key }))
      .redirect('/jobs?status=failed', 303);
  });
}
