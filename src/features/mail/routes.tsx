import type { FastifyInstance } from 'fastify';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { OutboxPage } from './views/outbox-page';
import { MessagePage } from './views/message-page';

const read = { config: { can: 'outbox.read' as const } };

/** The outbox, where admins read the mail kept while no SMTP server is set. */
export async function mailRoutes(app: FastifyInstance) {
  const { mail } = app.services;

  // Pooled SMTP connections would otherwise stay open after the app closes.
  app.addHook('onClose', async () => mail.close());

  app.get('/outbox', read, async (request, reply) => {
    const result = await mail.listOutbox(pageNumber((request.query as Record<string, unknown>).page));
    return reply.view(<OutboxPage result={result} delivers={mail.delivers} />);
  });

  app.get('/outbox/:message', read, async (request, reply) => {
    const message = await mail.getOutboxMessage((request.params as { message: string }).message);
    if (!message) throw new HttpError(404);
    return reply.view(<MessagePage message={message} />);
  });
}
