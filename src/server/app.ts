import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import './types';
import { fastifyTrustProxy, type Config } from './config';
import type { Database } from '../db/connection';
import { createServices } from './services';
import type { Clock } from './clock';
import { cookieSecret } from '../db/settings';
import { loggerOptions } from './logging';
import { assetUrls, PUBLIC_DIR } from './assets';
import { sessionPlugin } from './plugins/session';
import { i18nPlugin } from './plugins/i18n';
import { securityPlugin } from './plugins/security';
import { inputPlugin } from './plugins/input';
import { accessPlugin } from './plugins/access';
import { viewsPlugin } from './plugins/views';
import { pageCachePlugin } from './plugins/page-cache';
import { errorsPlugin, frameworkErrorPage } from './plugins/errors';
import { homeRoutes } from '../features/home/routes';
import { accountsRoutes } from '../features/accounts/routes';
import { twoFactorRoutes } from '../features/accounts/two-factor-routes';
import { peopleRoutes } from '../features/people/routes';
import { programsRoutes } from '../features/programs/routes';
import { librariesRoutes } from '../features/libraries/routes';
import { mailRoutes } from '../features/mail/routes';
import { jobsRoutes } from '../features/jobs/routes';
import { contentRoutes } from '../features/content/routes';
import { searchRoutes } from '../features/search/routes';
import { feedsRoutes } from '../features/feeds/routes';
import { newsletterRoutes } from '../features/newsletter/routes';
import { contactRoutes } from '../features/contact/routes';
import { imagesRoutes } from '../features/images/routes';
import { directoryRoutes } from '../features/directory/routes';
import { workspaceRoutes } from '../features/workspace/routes';
import { discoverRoutes } from '../features/discover/routes';
import { surveysRoutes } from '../features/surveys/routes';
import { prototypesRoutes } from '../features/prototypes/routes';
import { planRoutes } from '../features/plan/routes';
import { photosRoutes } from '../features/photos/routes';
import { shareRoutes } from '../features/share/routes';
import { spaceUseRoutes } from '../features/space-use/routes';
import { spaceReportRoutes } from '../features/space-use/report-routes';
import { spaceUseImportRoutes } from '../features/space-use/import-routes';
import { surveyResultsRoutes } from '../features/surveys/results-routes';
import { eventsRoutes } from '../features/events/routes';
import { learningRoutes } from '../features/learning/routes';

export interface AppOptions {
  config: Config;
  database: Database;
  rateLimitPerMinute?: number;
  /** Pino logger options, or false to keep tests quiet. */
  logger?: boolean | object;
  /** The clock of the job queue and two-step codes (tests). */
  clock?: Clock;
}

/** Builds the whole application without listening, for `main` and for tests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const asset = assetUrls();
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Ids and slugs arrive in paths and queries; long bodies are checked by forms.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorPage(asset),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('services', createServices({ database, config, logger: app.log, ...(options.clock ? { clock: options.clock } : {}) }));

  await app.register(cookie, {
    secret: await cookieSecret(database.db),
  });
  // Rural connections are slow: compress anything over 1 KB (brotli or gzip).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(formbody);
  await app.register(inputPlugin);
  await app.register(securityPlugin, {
    rateLimitPerMinute: options.rateLimitPerMinute ?? config.rateLimitPerMinute,
    https: config.publicUrl.startsWith('https://'),
  });
  await app.register(sessionPlugin);
  await app.register(i18nPlugin);
  await app.register(accessPlugin);
  await app.register(pageCachePlugin);
  await app.register(viewsPlugin, { asset });
  await app.register(errorsPlugin);
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
  });

  await app.register(homeRoutes);
  await app.register(accountsRoutes);
  await app.register(twoFactorRoutes);
  await app.register(peopleRoutes);
  await app.register(programsRoutes);
  await app.register(librariesRoutes);
  await app.register(mailRoutes);
  // After mail: on close, the queue stops (and its jobs finish sending) before the mail transport closes.
  await app.register(jobsRoutes);
  await app.register(contentRoutes);
  await app.register(searchRoutes);
  await app.register(feedsRoutes);
  await app.register(newsletterRoutes);
  await app.register(contactRoutes);
  await app.register(imagesRoutes);
  await app.register(directoryRoutes);
  await app.register(workspaceRoutes);
  await app.register(discoverRoutes);
  await app.register(surveysRoutes);
  await app.register(surveyResultsRoutes);
  await app.register(prototypesRoutes);
  await app.register(planRoutes);
  await app.register(photosRoutes);
  await app.register(shareRoutes);
  await app.register(spaceUseRoutes);
  await app.register(spaceReportRoutes);
  await app.register(spaceUseImportRoutes);
  await app.register(eventsRoutes);
  await app.register(learningRoutes);

  return app;
}
