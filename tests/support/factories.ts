import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { LibraryRole, Role } from '../../src/db/types';
import type { CohortInput, ProgramInput } from '../../src/features/programs/service';
import type { IdeaInput } from '../../src/features/prototypes/service';
import type { PhotoDetails, PhotoSubject } from '../../src/features/photos/service';
import type { GoalInput, TaskInput } from '../../src/features/plan/model';
import { OPTION_TYPES, type Bilingual, type Question, type QuestionType } from '../../src/features/surveys/model';
import type { QuestionInput } from '../../src/features/surveys/schema';
import type { WorkspaceLibrary } from '../../src/features/workspace/contracts';
import { todayIn } from '../../src/i18n/time';
import { TestClient } from './client';

/** The password every factory-made person has. */
export const PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

/** Saves the program (an instance has one; saving again updates it), with plain values unless overridden. */
export function makeProgram(app: FastifyInstance, overrides: Partial<ProgramInput> = {}) {
  return app.services.programs.saveProgram({ name: 'Smart Spaces', description: '', managerName: 'Pat', managerEmail: 'pat@example.org', ...overrides });
}

/**
 * Creates a cohort of the program, saving the program first when there is
 * none yet: July 2016 to June 2018, a $5,000 subgrant per library and three
 * spending categories, unless overridden. Put libraries in it with
 * `makeLibrary(app, { cohortId })`.
 */
export async function makeCohort(app: FastifyInstance, overrides: Partial<CohortInput> = {}) {
  const { programs } = app.services;
  if (!(await programs.getProgram())) await makeProgram(app);
  return programs.createCohort({
    name: `Cohort ${unique()}`,
    startsOn: '2016-07-01',
    endsOn: '2018-06-30',
    subgrantCents: 500_000,
    spendingCategories: ['Furniture', 'Technology', 'Signage'],
    ...overrides,
  });
}

/** Creates a library through the libraries service. */
export async function makeLibrary(app: FastifyInstance, overrides: { name?: string; state?: string; cohortId?: string | null } = {}) {
  const name = overrides.name ?? `Test Library ${unique()}`;
  return app.services.libraries.createLibrary({
    name,
    town: 'Testville',
    state: overrides.state ?? 'IA',
    peopleServed: 1200,
    timeZone: 'America/Chicago',
    website: '',
    description: 'A library made for a test.',
    cohortId: overrides.cohortId ?? null,
  });
}

/** Creates an active person with `PASSWORD`, linked to libraries as asked. */
export async function makePerson(
  app: FastifyInstance,
  options: { role: Role; libraryId?: string; libraryRole?: LibraryRole; coachedLibraryIds?: string[]; email?: string; name?: string },
) {
  const email = options.email ?? `${options.role}-${unique()}@example.org`;
  const person = await app.services.accounts.createUser({
    email,
    name: options.name ?? `Test ${options.role} ${unique()}`,
    role: options.role,
    password: PASSWORD,
  });
  if (options.libraryId) await app.services.libraries.addMember(options.libraryId, person.id, options.libraryRole ?? 'member');
  if (options.coachedLibraryIds) await app.services.libraries.setCoachedLibraries(person.id, options.coachedLibraryIds);
  return { ...person, password: PASSWORD };
}

/** A new person made by `makePerson`, and a client signed in as them through the form. */
export async function signedInClient(app: FastifyInstance, options: Parameters<typeof makePerson>[1]) {
  const person = await makePerson(app, options);
  const client = new TestClient(app);
  await client.signIn(person.email, person.password);
  return { person, client };
}

/*
 * Workspace items. Each factory goes through the feature's service, fills in
 * plausible values and takes overrides for what a test cares about; an
 * author of null stands for the system, as in the demo journeys.
 */

/** A goal of the library's action plan. */
export function makeGoal(app: FastifyInstance, library: WorkspaceLibrary, overrides: Partial<GoalInput> = {}, authorId: string | null = null) {
  return app.services.plan.createGoal(library, { title: `Goal ${unique()}`, description: '', ...overrides }, authorId);
}

/** A task of the library's action plan, under a new goal unless `goalId` is given. Returns its id and input. */
export async function makeTask(app: FastifyInstance, library: WorkspaceLibrary, overrides: Partial<TaskInput> = {}, authorId: string | null = null) {
  const input: TaskInput = {
    title: `Task ${unique()}`,
    ownerId: null,
    startsOn: '2017-01-10',
    dueOn: '2017-02-20',
    status: 'not_started',
    dependsOnId: null,
    ...overrides,
    goalId: overrides.goalId ?? (await makeGoal(app, library, {}, authorId)).id,
  };
  const { id } = await app.services.plan.createTask(library, input, authorId);
  return { id, ...input };
}

/** An idea of the library, answering the insights given (none by default). */
export function makeIdea(app: FastifyInstance, library: WorkspaceLibrary, overrides: Partial<IdeaInput> = {}, authorId: string | null = null) {
  return app.services.prototypes.createIdea(
    library.id,
    { title: `Idea ${unique()}`, description: 'An idea made for a test.', insightIds: [], ...overrides },
    authorId,
  );
}

/** A plain PNG; 600 pixels wide by default, so the images feature makes a 480-pixel variant of it. */
export function makePng(options: { background?: string; width?: number; height?: number } = {}): Promise<Buffer> {
  const { background = '#2b6a8f', width = 600, height = 400 } = options;
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

/** A private photo of the library (a "before" photo without people unless overridden), from `makePng` unless bytes are given. */
export async function makePhoto(
  app: FastifyInstance,
  library: WorkspaceLibrary,
  overrides: Partial<PhotoDetails> & { subject?: PhotoSubject } = {},
  options: { bytes?: Buffer; createdBy?: string | null } = {},
) {
  const details = {
    kind: 'before' as const,
    caption: 'The old storage room',
    alt: 'Shelves of VHS tapes in a narrow room',
    credit: 'Pat',
    consent: 'no-people' as const,
    ...overrides,
  };
  return app.services.photos.createPhoto(library, options.bytes ?? (await makePng()), details, options.createdBy ?? null);
}

const CHOICES: Bilingual[] = [
  { en: 'Tools', es: 'Herramientas' },
  { en: 'Seating', es: 'Asientos' },
  { en: 'Lighting', es: 'Iluminación' },
];

/** A bilingual question of the type, with three choices where the type has choices. */
function questionInput(type: QuestionType, index: number): QuestionInput {
  const withChoices = OPTION_TYPES.includes(type);
  return {
    prompt: { en: `Question ${index + 1}?`, es: `¿Pregunta ${index + 1}?` },
    required: false,
    dots: type === 'dots' ? 3 : null,
    options: withChoices ? CHOICES : [],
  };
}

/**
 * A bilingual survey of the library with one question of each type listed
 * (one single-choice question by default), opened today in the library's time
 * zone unless `open: false`. Returns the survey as stored after opening, and
 * its questions in order.
 */
export async function makeSurvey(
  app: FastifyInstance,
  library: WorkspaceLibrary,
  options: { title?: Bilingual; questions?: QuestionType[]; open?: boolean; createdBy?: string | null } = {},
) {
  const { surveys } = app.services;
  const code = unique();
  const draft = await surveys.createSurvey(
    library.id,
    { title: options.title ?? { en: `Survey ${code}`, es: `Encuesta ${code}` }, intro: { en: '', es: '' }, closesOn: null },
    options.createdBy ?? null,
  );
  const questions: Question[] = [];
  for (const [index, type] of (options.questions ?? ['single']).entries()) {
    questions.push(await surveys.addQuestion(draft, type, questionInput(type, index)));
  }
  if (options.open ?? true) {
    const opened = await surveys.openSurvey(draft, todayIn(library.timeZone));
    if (!opened.ok) throw new Error(`The survey could not be opened: ${opened.reason}`);
  }
  const survey = await surveys.getSurvey(library.id, draft.id);
  if (!survey) throw new Error('The survey just made is missing');
  return { survey, questions };
}
