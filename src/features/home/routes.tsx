import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../policy';
import { HomePage } from './views/home-page';
import { DashboardPage } from './views/dashboard-page';

/** The public home page and each signed-in person's dashboard. */
export async function homeRoutes(app: FastifyInstance) {
  const { home } = app.services;

  app.get('/', { config: { can: 'site.view', publicCache: true } }, async (_request, reply) => {
    return reply.view(<HomePage home={await home.publicHome()} />);
  });

  app.get('/dashboard', { config: { can: 'account.use' } }, async (request, reply) => {
    // The access hook lets only signed-in people reach this route.
    return reply.view(<DashboardPage dashboard={await home.dashboard(request.actor as Actor)} />);
  });
}
