import type { FastifyInstance } from 'fastify';
import { makeLibrary, makePerson } from './factories';

/** The people of a {@link World}: library A's team, another library's lead, two coaches and an admin. */
export type WorldPeople = Record<'staffA' | 'leadA' | 'staffB' | 'coachA' | 'coachNotA' | 'admin', { id: string }>;

/** A program with one of everything, and a value for every route parameter that names it. */
export interface World {
  people: WorldPeople;
  /** Route parameter name (`library`, `goal`, …) → a value naming a real thing, or a harmless stand-in. */
  params: Record<string, string>;
}

/**
 * Builds, through the services, a program with two libraries in a cohort,
 * their people, and at least one of every kind of item a route can name, so
 * tests that walk every route (the authorization matrix, the hostile-input
 * pass) can fill in each route's parameters.
 */
export async function buildWorld(app: FastifyInstance): Promise<World> {
  const people = {} as WorldPeople;
  const params: Record<string, string> = {};
  const { services } = app;
  await services.programs.saveProgram({
    name: 'Test program',
    description: 'A program for the matrix.',
    managerName: 'Manager',
    managerEmail: 'manager@example.org',
  });
  const cohort = await services.programs.createCohort({
    name: 'Cohort 1',
    startsOn: '2026-01-01',
    endsOn: '2027-06-30',
    subgrantCents: 500000,
    spendingCategories: ['Furniture'],
  });
  const libraryA = await makeLibrary(app, { name: 'Library A', cohortId: cohort.id });
  const libraryB = await makeLibrary(app, { name: 'Library B', cohortId: cohort.id });
  people.staffA = await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' });
  people.leadA = await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead' });
  people.staffB = await makePerson(app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' });
  people.coachA = await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryA.id] });
  people.coachNotA = await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryB.id] });
  people.admin = await makePerson(app, { role: 'admin' });
  // The target of person-scoped routes is nobody's own account, so the
  // walk never deactivates or removes one of the people it signs in as.
  const target = await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' });
  await services.mail.send({ to: 'someone@example.org', subject: 'Kept', text: 'Kept message' });
  const kept = await services.mail.listOutbox(1);
  params.library = libraryA.slug;
  params.person = target.id;
  params.cohort = cohort.id;
  params.message = kept.items[0]!.id;
  params.job = 'no-such-job';
  params.token = 'not-a-real-token';
  params.image = 'no-such-image';
  params.file = '480.webp';
  const item = await services.content.createItem(
    { type: 'news', title: 'Matrix news', summary: '', body: 'Text.', libraryId: null, imageId: null, links: [], sections: null, tagIds: [] },
    null,
  );
  await services.content.publish(item.id, undefined, null);
  params.item = item.id;
  params.slug = item.slug;
  params.revision = (await services.content.listRevisions(item.id))[0]!.id;
  params.tag = (await services.content.createTag({ kind: 'topic', name: 'Matrix topic' })).slug;
  params.feed = 'all.atom';
  params.tagFeed = 'no-such-tag.rss';
  params.issue = 'no-such-issue';
  // workspace params
  // The plan's goal keeps a task, so the walk cannot delete it.
  const planLibrary = { id: libraryA.id, slug: libraryA.slug, name: libraryA.name, timeZone: libraryA.timeZone };
  const planGoal = await services.plan.createGoal(planLibrary, { title: 'Matrix goal', description: '' }, people.leadA.id);
  params.goal = planGoal.id;
  const planTask = { title: 'Matrix task', goalId: planGoal.id, ownerId: null, startsOn: '2026-02-01', dueOn: '2026-03-01', status: 'not_started', dependsOnId: null } as const;
  params.task = (await services.plan.createTask(planLibrary, planTask, people.leadA.id)).id;
  await services.plan.createTask(planLibrary, { ...planTask, title: 'Matrix task kept' }, people.leadA.id);
  params.milestone = (await services.plan.createMilestone(planLibrary, { title: 'Matrix milestone', dueOn: '2026-04-01', goalId: null }, people.leadA.id)).id;
  const planLine = { category: 'Furniture', description: 'Matrix line', plannedCents: 10000, actualCents: 0, vendor: '', taskId: null };
  params.line = (await services.plan.createBudgetLine(planLibrary, planLine, people.leadA.id)).id;
  params.planRevision = (await services.plan.listRevisions(libraryA.id, 1)).items[0]!.id;
  {
    // A postcard of library A with a photo of its own, and the library's story, submitted for approval.
    const { default: sharp } = await import('sharp');
    const bytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#996633' } }).png().toBuffer();
    const sharePhoto = await services.photos.createPhoto(
      libraryA,
      bytes,
      { kind: 'after', caption: 'Matrix share photo', alt: 'A busy room', credit: '', consent: 'release' },
      people.leadA.id,
    );
    const postcard = await services.share.createPostcard(libraryA.id, { title: 'Matrix postcard', body: 'Text.', photoId: sharePhoto.id }, null);
    params.postcard = postcard.id;
    await services.share.assembleStory(libraryA, 'en', null);
    await services.share.submitStory(libraryA.id, null);
  }
  const activity = await services.discover.createActivity(
    libraryA.id,
    { kind: 'wish-tree', title: 'Matrix wish tree', date: '2017-05-01', place: '', participants: 40, notes: '' },
    null,
  );
  params.activity = activity.id;
  params.insight = (await services.discover.createInsight(libraryA.id, { text: 'Matrix insight', themes: ['teens'], activityId: activity.id }, null)).id;
  const matrixIdea = await services.prototypes.createIdea(libraryA.id, { title: 'Matrix idea', description: '', insightIds: [] }, null);
  const matrixPrototype = await services.prototypes.createPrototype(
    libraryA.id,
    { title: 'Matrix prototype', description: '', materials: '', costCents: 0, ideaId: matrixIdea.id },
    null,
  );
  const matrixSessions = await services.prototypes.addSessions(
    libraryA.id,
    matrixPrototype.id,
    [{ heldOn: '2026-02-01', place: 'Lobby', patrons: 4, observations: '', feedback: '', surveyId: null }],
    null,
  );
  params.idea = matrixIdea.id;
  params.prototype = matrixPrototype.id;
  params.session = matrixSessions ? matrixSessions[0]!.id : 'no-such-session';
  // A published photo: the walk's empty delete is refused, so the photo stays for the routes after it.
  const { default: sharp } = await import('sharp');
  const photoBytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
  const photo = await services.photos.createPhoto(
    { id: libraryA.id, slug: libraryA.slug, name: libraryA.name, timeZone: libraryA.timeZone },
    photoBytes,
    { kind: 'before', caption: 'Matrix photo', alt: 'An empty room', credit: '', consent: 'release' },
    people.leadA.id,
  );
  await services.photos.publish(libraryA.id, photo.id);
  params.photo = photo.id;
  {
    // A draft survey whose Spanish title is missing, so the walk cannot open it, and an open one for the patron pages.
    const { surveys } = services;
    const draft = await surveys.createSurvey(libraryA.id, { title: { en: 'Matrix survey', es: '' }, intro: { en: '', es: '' }, closesOn: null }, null);
    const question = await surveys.addQuestion(draft, 'short', { prompt: { en: 'Idea?', es: '¿Idea?' }, required: false, dots: null, options: [] });
    const open = await surveys.createSurvey(libraryA.id, { title: { en: 'Open survey', es: 'Encuesta abierta' }, intro: { en: '', es: '' }, closesOn: null }, null);
    await surveys.addQuestion(open, 'short', { prompt: { en: 'Idea?', es: '¿Idea?' }, required: false, dots: null, options: [] });
    await surveys.openSurvey(open, '2026-01-01');
    params.survey = draft.id;
    params.question = question.id;
    params.code = open.code;
  }
  // A space of library A with two zones, for the space-use routes.
  const space = await services.spaceUse.createSpace(libraryA.id, {
    name: 'Matrix room',
    zones: [
      { name: 'Tables', capacity: 12 },
      { name: 'Sofas', capacity: 4 },
    ],
  });
  params.space = space.id;
  {
    // An event of library A held once, for the event and occurrence pages.
    const event = await services.events.createEvent(libraryA.id, { title: 'Matrix event', serviceArea: 'digital-learning', description: '' }, people.leadA.id);
    const occurrence = await services.events.addOccurrence(libraryA.id, event.id, { heldOn: '2026-02-02', startsAt: '18:30', attendance: 12, note: '' });
    params.event = event.id;
    params.occurrence = occurrence.id;
  }
  {
    // A module of the cohort's curriculum, open since before the world's days, for the learning pages.
    const module = await services.learning.createModule(cohort.id, {
      title: 'Matrix module',
      phase: 'discover',
      introduction: 'Read this first.',
      objectives: ['Run a discovery activity'],
      opensOn: '2026-01-05',
    });
    params.module = module.id;
  }
  params.phase = 'discover';
  return { people, params };
}
