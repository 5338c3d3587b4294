import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LibraryRole, Role } from '../../src/db/types';
import { TestClient } from './client';

/** The password every factory-made person has. */
export const PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

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
