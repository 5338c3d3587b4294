import type { FastifyInstance } from 'fastify';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { mailRoutes as paths } from './route-table';
import { OutboxPage } from './views/outbox-page';
import { MessagePage } from './views/message-page';

/** The outbox, where admins read the mail kept while no SMTP server is set. */
export async function mailRoutes(app: FastifyInstance) {
  const { mail } = app.services;

  // Pooled SMTP connections would otherwise stay open after the app closes.
  app.addHook('onClose', async () => mail.close());

  addRoute(app, paths.outbox, async (request, reply) => {
    const result = await mail.listOutbox(pageNumber(request.query.page));
    return reply.view(<OutboxPage result={result} delivers={mail.delivers} />);
  });

  addRoute(app, paths.message, async (request, reply) => {
    const message = await mail.getOutboxMessage(request.params.message);
    if (!message) throw new HttpError(404);
    return reply.view(<MessagePage message={message} />);
  });
}
