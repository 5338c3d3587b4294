import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../policy';
import { addRoute } from '../../server/route-contract';
import { homeRoutes as paths } from './route-table';
import { HomePage } from './views/home-page';
import { DashboardPage } from './views/dashboard-page';

/** How many items "Most recently added" shows. */
const RECENT_ITEMS = 8;

/** The public home page and each signed-in person's dashboard. */
export async function homeRoutes(app: FastifyInstance) {
  const { home, content } = app.services;

  addRoute(app, paths.home, async (_request, reply) => {
    const [publicHome, text, recent] = await Promise.all([
      home.publicHome(),
      content.getPublished('page', 'home'),
      content.recent(RECENT_ITEMS),
    ]);
    return reply.view(<HomePage home={publicHome} text={text?.body} recent={recent} />);
  });

  addRoute(app, paths.dashboard, async (request, reply) => {
    // The access hook lets only signed-in people reach this route.
    return reply.view(<DashboardPage dashboard={await home.dashboard(request.actor as Actor)} />);
  });
}
