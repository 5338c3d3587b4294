import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/connection';
import type { Config } from './config';
import { createMailService } from '../features/mail/service';
import { createJobsService } from '../features/jobs/service';
import type { Clock } from './clock';
import { createAccountsService } from '../features/accounts/service';
import { createTwoFactorService } from '../features/accounts/two-factor';
import { createLibrariesService } from '../features/libraries/service';
import { createProgramsService } from '../features/programs/service';
import { createPeopleService } from '../features/people/service';
import { createHomeService } from '../features/home/service';
import { createSearchIndex } from '../db/search';
import { createImagesService } from '../features/images/service';
import { createContentService } from '../features/content/service';
import { createNewsletterService } from '../features/newsletter/service';
import { createContactService } from '../features/contact/service';
import { createWorkspaceService } from '../features/workspace/service';
import { createDiscoverService } from '../features/discover/service';
import { createSurveysService } from '../features/surveys/service';
import { createSurveyResultsService } from '../features/surveys/results';
import { createPrototypesService } from '../features/prototypes/service';
import { createPlanService } from '../features/plan/service';
import { createSpaceReportService } from '../features/space-use/report-service';
import { createPhotosService } from '../features/photos/service';
import { createShareService } from '../features/share/service';
import { createSpaceUseService } from '../features/space-use/service';
import { createSumaImportService } from '../features/space-use/import-service';
import { createEventsService } from '../features/events/service';
import { createLearningService } from '../features/learning/service';

export interface ServiceDeps {
  database: Database;
  config: Config;
  logger: FastifyBaseLogger;
  /** The clock of the job queue and of accounts; tests move it by hand to make leases, retries, codes and limits due. */
  clock?: Clock;
}

/**
 * Wires every feature's service once per app. A feature reaches another only
 * through the service handed to it here.
 */
export function createServices({ database, config, logger, clock }: ServiceDeps) {
  const { db } = database;
  const mail = createMailService({ db, config, logger });
  // Background work: features register their kinds of job with the queue.
  const jobs = createJobsService({ database, logger, ...(clock ? { clock } : {}) });
  const twoFactor = createTwoFactorService({ db, config, ...(clock ? { clock } : {}) });
  const accounts = createAccountsService({ db, config, mail, twoFactor, ...(clock ? { clock } : {}) });
  const programs = createProgramsService({ db });
  const libraries = createLibrariesService({ db, programs });
  accounts.setLibraryLinksSource(libraries.linksOf);
  const people = createPeopleService({ config, accounts, libraries, mail });
  const search = createSearchIndex(database);
  const images = createImagesService({ db });
  const content = createContentService({ db, search, images, libraries });
  const newsletter = createNewsletterService({ db, config, mail, content, jobs, logger });
  const contact = createContactService({ db, config, mail, programs, logger });
  const home = createHomeService({ accounts, libraries, programs });
  // The library workspace: each part registers its items for comment threads
  // and reports its evidence for the journey's checklists.
  const workspace = createWorkspaceService({ db, config, mail, accounts, libraries, logger });
  const discover = createDiscoverService({ db, workspace });
  const surveys = createSurveysService({ db, config, workspace });
  const surveyResults = createSurveyResultsService({ db });
  const prototypes = createPrototypesService({ db, workspace, discover, surveys });
  const plan = createPlanService({ db, workspace, programs, libraries, accounts });
  const photos = createPhotosService({ db, workspace, images });
  const spaceUse = createSpaceUseService({ db, ...(clock ? { clock } : {}) });
  const spaceReports = createSpaceReportService({ db });
  const spaceUseImport = createSumaImportService({ db, spaceUse, ...(clock ? { clock } : {}) });
  const share = createShareService({ db, workspace, content, photos, discover, surveyResults, prototypes, plan, libraries });
  const events = createEventsService({ db, workspace, ...(clock ? { clock } : {}) });
  const learning = createLearningService({ db, programs, libraries, ...(clock ? { clock } : {}) });
  return {
    mail,
    jobs,
    accounts,
    twoFactor,
    programs,
    libraries,
    people,
    search,
    images,
    content,
    newsletter,
    contact,
    home,
    workspace,
    discover,
    surveys,
    surveyResults,
    prototypes,
    plan,
    photos,
    share,
    spaceUse,
    spaceReports,
    spaceUseImport,
    events,
    learning,
  };
}

export type Services = ReturnType<typeof createServices>;
