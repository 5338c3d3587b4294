import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { RouteContract } from '../src/server/route-contract';
import { createTestApp, type TestApp } from './support/app';
import { TestClient } from './support/client';
import { buildWorld, type World } from './support/world';

/*
 * Walks every registered route for every kind of person and checks who gets
 * through. A new route that is missing from EXPECTED fails this test, so no
 * route ships without someone deciding who may use it.
 */

const ROLES = ['visitor', 'staffA', 'leadA', 'staffB', 'coachA', 'coachNotA', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

const EVERYONE: readonly RoleName[] = ROLES;
const SIGNED_IN: readonly RoleName[] = ROLES.filter((r) => r !== 'visitor');
const ADMIN: readonly RoleName[] = ['admin'];
const SEES_A: readonly RoleName[] = ['staffA', 'leadA', 'coachA', 'admin'];
const MANAGES_TEAM_A: readonly RoleName[] = ['leadA', 'admin'];
/** The library's own staff, who do the work in its workspace. */
const WORKS_IN_A: readonly RoleName[] = ['staffA', 'leadA'];

const EXPECTED: Record<string, readonly RoleName[]> = {
  'GET /': EVERYONE,
  'GET /dashboard': SIGNED_IN,
  'GET /sign-in': EVERYONE,
  'POST /sign-in': EVERYONE,
  'POST /sign-out': EVERYONE,
  'GET /forgot-password': EVERYONE,
  'POST /forgot-password': EVERYONE,
  'GET /reset-password/:token': EVERYONE,
  'POST /reset-password/:token': EVERYONE,
  'GET /invitations/:token': EVERYONE,
  'POST /invitations/:token': EVERYONE,
  'GET /setup': EVERYONE,
  'POST /setup': EVERYONE,
  'GET /account': SIGNED_IN,
  'GET /account/profile': SIGNED_IN,
  'POST /account/profile': SIGNED_IN,
  'GET /account/password': SIGNED_IN,
  'POST /account/password': SIGNED_IN,
  'GET /account/sessions': SIGNED_IN,
  'POST /account/sessions/revoke': SIGNED_IN,
  'POST /account/sessions/revoke-others': SIGNED_IN,
  'GET /account/two-factor': SIGNED_IN,
  'GET /account/two-factor/setup': SIGNED_IN,
  'POST /account/two-factor/setup': SIGNED_IN,
  'GET /account/two-factor/recovery-codes': SIGNED_IN,
  'POST /account/two-factor/recovery-codes': SIGNED_IN,
  'GET /account/two-factor/disable': SIGNED_IN,
  'POST /account/two-factor/disable': SIGNED_IN,
  'GET /sign-in/two-factor': EVERYONE,
  'POST /sign-in/two-factor': EVERYONE,
  'GET /people/sign-in-security': ADMIN,
  'GET /people/:person/two-factor/disable': ADMIN,
  'POST /people/:person/two-factor/disable': ADMIN,
  'POST /people/sign-in-security': ADMIN,
  'GET /people': ADMIN,
  'GET /people/invite': ADMIN,
  'POST /people/invite': ADMIN,
  'GET /people/:person': ADMIN,
  'GET /people/:person/edit': ADMIN,
  'POST /people/:person/edit': ADMIN,
  'GET /people/:person/deactivate': ADMIN,
  'POST /people/:person/deactivate': ADMIN,
  'POST /people/:person/reactivate': ADMIN,
  'POST /people/:person/resend-invitation': ADMIN,
  'GET /outbox': ADMIN,
  'GET /outbox/:message': ADMIN,
  'GET /jobs': ADMIN,
  'POST /jobs/:job/retry': ADMIN,
  'GET /program': ADMIN,
  'GET /program/edit': ADMIN,
  'POST /program/edit': ADMIN,
  'GET /program/cohorts/new': ADMIN,
  'POST /program/cohorts/new': ADMIN,
  'GET /program/cohorts/:cohort/edit': ADMIN,
  'POST /program/cohorts/:cohort/edit': ADMIN,
  'GET /libraries': SIGNED_IN,
  'GET /libraries/new': ADMIN,
  'POST /libraries/new': ADMIN,
  'GET /libraries/:library': SEES_A,
  'GET /libraries/:library/edit': ADMIN,
  'POST /libraries/:library/edit': ADMIN,
  'GET /libraries/:library/invite': MANAGES_TEAM_A,
  'POST /libraries/:library/invite': MANAGES_TEAM_A,
  'GET /libraries/:library/members/:person/remove': MANAGES_TEAM_A,
  'POST /libraries/:library/members/:person/remove': MANAGES_TEAM_A,
  // content routes
  'POST /content/preview': ADMIN,
  'GET /content': ADMIN,
  'GET /content/new': ADMIN,
  'POST /content/new': ADMIN,
  'GET /content/tags': ADMIN,
  'POST /content/tags': ADMIN,
  'GET /content/:item/edit': ADMIN,
  'POST /content/:item/edit': ADMIN,
  'GET /content/:item/preview': ADMIN,
  'GET /content/:item/revisions': ADMIN,
  'GET /content/:item/revisions/:revision': ADMIN,
  'POST /content/:item/revisions/:revision/restore': ADMIN,
  'GET /news': EVERYONE,
  'GET /news/:slug': EVERYONE,
  'GET /resources': EVERYONE,
  'GET /resources/:slug': EVERYONE,
  'GET /curriculum': EVERYONE,
  'GET /curriculum/:slug': EVERYONE,
  'GET /postcards': EVERYONE,
  'GET /postcards/:slug': EVERYONE,
  'GET /stories': EVERYONE,
  'GET /stories/:slug': EVERYONE,
  'GET /pages': EVERYONE,
  'GET /pages/:slug': EVERYONE,
  'GET /tags/:tag': EVERYONE,
  // search and feed routes
  'GET /search': EVERYONE,
  'GET /feeds/:feed': EVERYONE,
  'GET /feeds/tags/:tagFeed': EVERYONE,
  'GET /sitemap.xml': EVERYONE,
  'GET /robots.txt': EVERYONE,
  // newsletter routes
  'GET /newsletter': EVERYONE,
  'POST /newsletter/subscribe': EVERYONE,
  'GET /newsletter/confirm/:token': EVERYONE,
  'POST /newsletter/confirm/:token': EVERYONE,
  'GET /newsletter/unsubscribe/:token': EVERYONE,
  'POST /newsletter/unsubscribe/:token': EVERYONE,
  'GET /newsletter/archive/:issue': EVERYONE,
  'GET /newsletter/issues': ADMIN,
  'GET /newsletter/issues/new': ADMIN,
  'POST /newsletter/issues/new': ADMIN,
  'GET /newsletter/issues/:issue': ADMIN,
  'GET /newsletter/issues/:issue/edit': ADMIN,
  'POST /newsletter/issues/:issue/edit': ADMIN,
  'POST /newsletter/issues/:issue/test': ADMIN,
  'GET /newsletter/issues/:issue/send': ADMIN,
  'POST /newsletter/issues/:issue/send': ADMIN,
  'POST /newsletter/issues/:issue/retry': ADMIN,
  'GET /newsletter/subscribers': ADMIN,
  'GET /newsletter/subscribers.csv': ADMIN,
  // contact routes
  'GET /contact': EVERYONE,
  'POST /contact': EVERYONE,
  'GET /contact/thanks': EVERYONE,
  'GET /messages': ADMIN,
  'GET /messages/:message': ADMIN,
  // images routes
  'GET /images': ADMIN,
  'GET /images/new': ADMIN,
  'POST /images/new': ADMIN,
  'GET /images/:image': ADMIN,
  'POST /images/:image': ADMIN,
  'GET /images/:image/:file': EVERYONE,
  // directory routes
  'GET /directory': EVERYONE,
  'GET /directory/:library': EVERYONE,
  // workspace routes (workspace)
  'GET /libraries/:library/journey': SEES_A,
  'GET /libraries/:library/journey/:phase': SEES_A,
  'POST /libraries/:library/journey/:phase': WORKS_IN_A,
  'POST /libraries/:library/comments': SEES_A,
  // discover routes (workspace)
  'GET /libraries/:library/discover': SEES_A,
  'GET /libraries/:library/discover/activities/new': WORKS_IN_A,
  'POST /libraries/:library/discover/activities/new': WORKS_IN_A,
  'GET /libraries/:library/discover/activities/:activity': SEES_A,
  'GET /libraries/:library/discover/activities/:activity/edit': WORKS_IN_A,
  'POST /libraries/:library/discover/activities/:activity/edit': WORKS_IN_A,
  'GET /libraries/:library/discover/activities/:activity/delete': WORKS_IN_A,
  'POST /libraries/:library/discover/activities/:activity/delete': WORKS_IN_A,
  'GET /libraries/:library/discover/insights': SEES_A,
  'GET /libraries/:library/discover/insights/new': WORKS_IN_A,
  'POST /libraries/:library/discover/insights/new': WORKS_IN_A,
  'GET /libraries/:library/discover/insights/:insight': SEES_A,
  'GET /libraries/:library/discover/insights/:insight/edit': WORKS_IN_A,
  'POST /libraries/:library/discover/insights/:insight/edit': WORKS_IN_A,
  'GET /libraries/:library/discover/insights/:insight/delete': WORKS_IN_A,
  'POST /libraries/:library/discover/insights/:insight/delete': WORKS_IN_A,
  // surveys routes (workspace)
  'GET /libraries/:library/surveys': SEES_A,
  'GET /libraries/:library/surveys/new': WORKS_IN_A,
  'POST /libraries/:library/surveys/new': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey': SEES_A,
  'GET /libraries/:library/surveys/:survey/edit': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/edit': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey/questions/new': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/questions/new': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey/questions/:question/edit': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/questions/:question/edit': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey/questions/:question/delete': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/questions/:question/delete': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/questions/:question/move': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/open': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/close': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey/qr.svg': SEES_A,
  'GET /libraries/:library/surveys/:survey/poster': SEES_A,
  'GET /libraries/:library/surveys/:survey/paper': SEES_A,
  'GET /libraries/:library/surveys/:survey/paper/new': WORKS_IN_A,
  'POST /libraries/:library/surveys/:survey/paper/new': WORKS_IN_A,
  'GET /s/:code': EVERYONE,
  'POST /s/:code': EVERYONE,
  'GET /s/:code/thanks': EVERYONE,
  // survey results routes (workspace)
  'GET /libraries/:library/surveys/:survey/results': SEES_A,
  'GET /libraries/:library/surveys/:survey/results.csv': WORKS_IN_A,
  'GET /libraries/:library/surveys/:survey/results/questions/:question': SEES_A,
  // prototypes routes (workspace)
  'GET /libraries/:library/ideate': SEES_A,
  'GET /libraries/:library/ideate/ideas/new': WORKS_IN_A,
  'POST /libraries/:library/ideate/ideas/new': WORKS_IN_A,
  'GET /libraries/:library/ideate/ideas/:idea': SEES_A,
  'GET /libraries/:library/ideate/ideas/:idea/edit': WORKS_IN_A,
  'POST /libraries/:library/ideate/ideas/:idea/edit': WORKS_IN_A,
  'GET /libraries/:library/ideate/ideas/:idea/delete': WORKS_IN_A,
  'POST /libraries/:library/ideate/ideas/:idea/delete': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/new': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/new': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype': SEES_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/edit': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/edit': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/delete': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/delete': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/decision': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/decision': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/sessions/new': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/sessions/new': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/sessions/:session/edit': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/sessions/:session/edit': WORKS_IN_A,
  'GET /libraries/:library/ideate/prototypes/:prototype/sessions/:session/delete': WORKS_IN_A,
  'POST /libraries/:library/ideate/prototypes/:prototype/sessions/:session/delete': WORKS_IN_A,
  // plan routes (workspace)
  'GET /libraries/:library/plan': SEES_A,
  'GET /libraries/:library/plan.csv': SEES_A,
  'GET /libraries/:library/plan/revisions': SEES_A,
  'GET /libraries/:library/plan/revisions/:planRevision': SEES_A,
  'GET /libraries/:library/plan/goals/new': WORKS_IN_A,
  'POST /libraries/:library/plan/goals/new': WORKS_IN_A,
  'GET /libraries/:library/plan/goals/:goal': SEES_A,
  'GET /libraries/:library/plan/goals/:goal/edit': WORKS_IN_A,
  'POST /libraries/:library/plan/goals/:goal/edit': WORKS_IN_A,
  'GET /libraries/:library/plan/goals/:goal/delete': WORKS_IN_A,
  'POST /libraries/:library/plan/goals/:goal/delete': WORKS_IN_A,
  'GET /libraries/:library/plan/tasks/new': WORKS_IN_A,
  'POST /libraries/:library/plan/tasks/new': WORKS_IN_A,
  'GET /libraries/:library/plan/tasks/:task': SEES_A,
  'GET /libraries/:library/plan/tasks/:task/edit': WORKS_IN_A,
  'POST /libraries/:library/plan/tasks/:task/edit': WORKS_IN_A,
  'GET /libraries/:library/plan/tasks/:task/delete': WORKS_IN_A,
  'POST /libraries/:library/plan/tasks/:task/delete': WORKS_IN_A,
  'GET /libraries/:library/plan/milestones/new': WORKS_IN_A,
  'POST /libraries/:library/plan/milestones/new': WORKS_IN_A,
  'GET /libraries/:library/plan/milestones/:milestone': SEES_A,
  'GET /libraries/:library/plan/milestones/:milestone/edit': WORKS_IN_A,
  'POST /libraries/:library/plan/milestones/:milestone/edit': WORKS_IN_A,
  'GET /libraries/:library/plan/milestones/:milestone/delete': WORKS_IN_A,
  'POST /libraries/:library/plan/milestones/:milestone/delete': WORKS_IN_A,
  'GET /libraries/:library/plan/budget/new': WORKS_IN_A,
  'POST /libraries/:library/plan/budget/new': WORKS_IN_A,
  'GET /libraries/:library/plan/budget/:line': SEES_A,
  'GET /libraries/:library/plan/budget/:line/edit': WORKS_IN_A,
  'POST /libraries/:library/plan/budget/:line/edit': WORKS_IN_A,
  'GET /libraries/:library/plan/budget/:line/delete': WORKS_IN_A,
  'POST /libraries/:library/plan/budget/:line/delete': WORKS_IN_A,
  // photos routes (workspace)
  'GET /libraries/:library/photos': SEES_A,
  'GET /libraries/:library/photos/new': WORKS_IN_A,
  'POST /libraries/:library/photos/new': WORKS_IN_A,
  'GET /libraries/:library/photos/:photo': SEES_A,
  'GET /libraries/:library/photos/:photo/edit': WORKS_IN_A,
  'POST /libraries/:library/photos/:photo/edit': WORKS_IN_A,
  'GET /libraries/:library/photos/:photo/delete': WORKS_IN_A,
  'POST /libraries/:library/photos/:photo/delete': WORKS_IN_A,
  'GET /libraries/:library/photos/:photo/:file': SEES_A,
  // share routes (workspace)
  'GET /libraries/:library/share': SEES_A,
  'GET /libraries/:library/share/postcards/new': WORKS_IN_A,
  'POST /libraries/:library/share/postcards/new': WORKS_IN_A,
  'GET /libraries/:library/share/postcards/:postcard': SEES_A,
  'GET /libraries/:library/share/postcards/:postcard/edit': WORKS_IN_A,
  'POST /libraries/:library/share/postcards/:postcard/edit': WORKS_IN_A,
  'POST /libraries/:library/share/postcards/:postcard/publish': WORKS_IN_A,
  'POST /libraries/:library/share/postcards/:postcard/unpublish': WORKS_IN_A,
  'POST /libraries/:library/share/story/assemble': WORKS_IN_A,
  'GET /libraries/:library/share/story': SEES_A,
  'GET /libraries/:library/share/story/edit': WORKS_IN_A,
  'POST /libraries/:library/share/story/edit': WORKS_IN_A,
  'POST /libraries/:library/share/story/submit': WORKS_IN_A,
  'POST /libraries/:library/share/story/approve': ADMIN,
  'GET /libraries/:library/share/story/print': SEES_A,
  // space-use routes (workspace)
  'GET /libraries/:library/space-use': SEES_A,
  'GET /libraries/:library/space-use/sweeps': SEES_A,
  'GET /libraries/:library/space-use/spaces/new': WORKS_IN_A,
  'POST /libraries/:library/space-use/spaces/new': WORKS_IN_A,
  'GET /libraries/:library/space-use/spaces/:space/edit': WORKS_IN_A,
  'POST /libraries/:library/space-use/spaces/:space/edit': WORKS_IN_A,
  'GET /libraries/:library/space-use/spaces/:space/sweeps/new': WORKS_IN_A,
  'POST /libraries/:library/space-use/spaces/:space/sweeps/new': WORKS_IN_A,
  'POST /libraries/:library/space-use/sync': WORKS_IN_A,
  'GET /libraries/:library/space-use/spaces/:space/report': SEES_A,
  'GET /libraries/:library/space-use/spaces/:space/report.csv': SEES_A,
  'GET /libraries/:library/space-use/spaces/:space/sweeps.csv': SEES_A,
  'GET /libraries/:library/space-use/spaces/:space/import': WORKS_IN_A,
  'POST /libraries/:library/space-use/spaces/:space/import': WORKS_IN_A,
  'GET /libraries/:library/space-use/spaces/:space/import/map': WORKS_IN_A,
  'POST /libraries/:library/space-use/spaces/:space/import/map': WORKS_IN_A,
  // events routes (workspace)
  'GET /libraries/:library/events': SEES_A,
  'GET /libraries/:library/events.csv': SEES_A,
  'GET /libraries/:library/events/new': WORKS_IN_A,
  'POST /libraries/:library/events/new': WORKS_IN_A,
  'GET /libraries/:library/events/:event': SEES_A,
  'GET /libraries/:library/events/:event/edit': WORKS_IN_A,
  'POST /libraries/:library/events/:event/edit': WORKS_IN_A,
  'GET /libraries/:library/events/:event/occurrences/new': WORKS_IN_A,
  'POST /libraries/:library/events/:event/occurrences/new': WORKS_IN_A,
  'GET /libraries/:library/events/:event/occurrences/:occurrence/edit': WORKS_IN_A,
  'POST /libraries/:library/events/:event/occurrences/:occurrence/edit': WORKS_IN_A,
  'GET /libraries/:library/events/:event/occurrences/:occurrence/delete': WORKS_IN_A,
  'POST /libraries/:library/events/:event/occurrences/:occurrence/delete': WORKS_IN_A,
  // learning routes
  'GET /learning': SIGNED_IN,
  'GET /learning/modules/:module': SIGNED_IN,
  'GET /program/cohorts/:cohort/modules': ADMIN,
  'GET /program/cohorts/:cohort/modules/new': ADMIN,
  'POST /program/cohorts/:cohort/modules/new': ADMIN,
  'GET /program/cohorts/:cohort/modules/:module/edit': ADMIN,
  'POST /program/cohorts/:cohort/modules/:module/edit': ADMIN,
  'POST /program/cohorts/:cohort/modules/:module/move': ADMIN,
  'GET /program/cohorts/:cohort/modules/:module/delete': ADMIN,
  'POST /program/cohorts/:cohort/modules/:module/delete': ADMIN,
};

const FEATURES = fileURLToPath(new URL('../src/features', import.meta.url));

/** True for a value shaped like a route table's entry. */
function isContract(value: unknown): value is RouteContract {
  if (typeof value !== 'object' || value === null) return false;
  const { method, path, can } = value as Record<string, unknown>;
  return typeof method === 'string' && typeof path === 'string' && typeof can === 'string';
}

/** Every entry of every feature's route table, found by walking what each `route-table.ts` exports. */
async function tabledRoutes(): Promise<Map<string, RouteContract>> {
  const found = new Map<string, RouteContract>();
  const walk = (value: unknown) => {
    if (isContract(value)) {
      const key = `${value.method} ${value.path}`;
      assert.ok(!found.has(key), `${key} is declared twice in the route tables`);
      found.set(key, value);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  const features = readdirSync(FEATURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const feature of features.map((entry) => entry.name).sort()) {
    const file = join(FEATURES, feature, 'route-table.ts');
    if (existsSync(file)) walk(await import(pathToFileURL(file).href));
  }
  return found;
}

describe('authorization matrix', () => {
  let testApp: TestApp;
  let app: FastifyInstance;
  let people: World['people'];
  let params: World['params'];

  before(async () => {
    testApp = await createTestApp();
    app = testApp.app;
    ({ people, params } = await buildWorld(app));
  });

  after(() => testApp.close());

  /** A fresh client for one request, signed in through a new session (cheap: no password hashing). */
  async function clientFor(role: RoleName): Promise<TestClient> {
    const client = new TestClient(app);
    if (role !== 'visitor') {
      const { token } = await app.services.accounts.createSession(people[role].id, { userAgent: 'matrix', ipAddress: '127.0.0.1' });
      client.setCookie('ss_session', token);
    }
    return client;
  }

  function fill(url: string): string {
    return url.replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`No test value for :${name} in ${url}`);
      return encodeURIComponent(value);
    });
  }

  it('names every registered route', () => {
    const registered = app.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !(key in EXPECTED));
    assert.deepEqual(missing, [], `Routes without an expected access set: ${missing.join(', ')}`);
    const stale = Object.keys(EXPECTED).filter((key) => !registered.includes(key));
    assert.deepEqual(stale, [], `Expected routes that are not registered: ${stale.join(', ')}`);
  });

  it('registers every route from a route table, with the action its table names', async () => {
    const tables = await tabledRoutes();
    const registered = new Map(app.routeTable.map((r) => [`${r.method} ${r.url}`, r.can]));
    const untabled = [...registered.keys()].filter((key) => !tables.has(key));
    assert.deepEqual(untabled, [], 'routes registered outside a route table');
    const wrong = [...tables].filter(([key, route]) => registered.get(key) !== route.can).map(([key]) => key);
    assert.deepEqual(wrong, [], 'table entries not registered, or registered with another action');
  });

  it('lets the same people through every route that names the same action', async () => {
    // A route's action decides who gets through, so two routes naming one
    // action must expect the same people; a mismatch is a wrong action.
    const byAction = new Map<string, Map<string, string[]>>();
    for (const [key, route] of await tabledRoutes()) {
      const people = (EXPECTED[key] ?? []).join(', ');
      const sets = byAction.get(route.can) ?? new Map<string, string[]>();
      byAction.set(route.can, sets);
      sets.set(people, [...(sets.get(people) ?? []), key]);
    }
    const mixed = [...byAction].filter(([, sets]) => sets.size > 1).map(([action, sets]) => `${action}: ${JSON.stringify(Object.fromEntries(sets))}`);
    assert.deepEqual(mixed, []);
  });

  it('lets exactly the expected people through each route', async () => {
    const mismatches: string[] = [];
    for (const route of app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const expected = EXPECTED[key];
      if (!expected) continue;
      for (const role of ROLES) {
        const client = await clientFor(role);
        const url = fill(route.url);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        const location = String(response.headers.location ?? '');
        const denied =
          response.statusCode === 403 || (response.statusCode === 303 && location.startsWith('/sign-in?next='));
        assert.notEqual(response.statusCode, 500, `${key} as ${role} answered 500`);
        if (denied === expected.includes(role)) {
          mismatches.push(`${key} as ${role}: ${response.statusCode} ${location}`.trim());
        }
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
