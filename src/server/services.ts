import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/connection';
import type { Config } from './config';
import { createMailService } from '../features/mail/service';
import { createAccountsService } from '../features/accounts/service';
import { createLibrariesService } from '../features/libraries/service';
import { createProgramsService } from '../features/programs/service';
import { createPeopleService } from '../features/people/service';
import { createHomeService } from '../features/home/service';

export interface ServiceDeps {
  database: Database;
  config: Config;
  logger: FastifyBaseLogger;
}

/**
 * Wires every feature's service once per app. A feature reaches another only
 * through the service handed to it here.
 */
export function createServices({ database, config, logger }: ServiceDeps) {
  const { db } = database;
  const mail = createMailService({ db, config, logger });
  const accounts = createAccountsService({ db, config, mail });
  const programs = createProgramsService({ db });
  const libraries = createLibrariesService({ db, programs });
  accounts.setLibraryLinksSource(libraries.linksOf);
  const people = createPeopleService({ config, accounts, libraries, mail });
  const home = createHomeService({ accounts, libraries, programs });
  return { mail, accounts, programs, libraries, people, home };
}

export type Services = ReturnType<typeof createServices>;
