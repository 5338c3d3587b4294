import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { formatDate } from '../../src/i18n/format';
import { PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { optional, signIn, t, useWorkspaceHarness } from './harness';

// The last phases of a library's journey in its workspace: staff plan the
// work and its budget, share a postcard with a photo on the hub, and
// assemble their transformation story, which an admin approves and
// publishes. The tests run in order: the story is assembled from the plan
// and photos the tests before it added.

const GOAL = 'A welcoming space for teens';
const TASK = { title: 'Order the modular furniture', startsOn: '2027-01-11', dueOn: '2027-02-26' };
const LINE = { category: 'Furniture', description: 'Modular seating and tables', planned: '5,200.00' };
const RELEASED = {
  alt: 'Teens around a large table in a bright room with movable seating',
  caption: 'The new teen corner on opening day',
  credit: 'Lee Lead',
};
const UNRELEASED = {
  alt: 'Two patrons moving cardboard furniture in the old reading room',
  caption: 'Patrons testing the cardboard prototype',
};
const POSTCARD = {
  title: 'Our teen corner is open',
  body: 'After three months of work, teens have a corner of their own, with seating they can move around.',
};
const STORY_TITLE = 'How Testville made room for its teens';


const { harness, team, staffPage } = useWorkspaceHarness();


/** A link in the workspace's section navigation. */
const workspaceLink = (page: Page, label: string) =>
  page.getByRole('navigation', { name: t('workspace.nav.label') }).getByRole('link', { name: label, exact: true });

/** The texts of the cells of a table's row whose first cell reads `label`, that cell included. */
async function rowCells(table: Locator, label: string): Promise<string[]> {
  await table.waitFor();
  const rows = await table
    .locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim())));
  const row = rows.find((cells) => cells[0] === label);
  assert.ok(row, `a row for ${label} in ${JSON.stringify(rows)}`);
  return row;
}

test('staff plan a goal, a task with its owner and dates, and a budget line over the subgrant, are warned, and see the board and the timeline', async () => {
  const { server } = harness;
  const page = await staffPage();
  await visit(page, `${server.url}/libraries/${team.library.slug}/journey`);
  await navigate(page, () => workspaceLink(page, t('workspace.nav.plan')).click());
  assert.equal(new URL(page.url()).pathname, `/libraries/${team.library.slug}/plan`);
  await page.getByText(t('plan.empty')).waitFor();

  // A goal.
  await navigate(page, () => page.getByRole('link', { name: t('plan.add.goal') }).click());
  await page.getByLabel(t('plan.field.title'), { exact: true }).fill(GOAL);
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('plan.flash.created', { title: GOAL })).waitFor();
  await page.getByRole('heading', { level: 1, name: t('plan.goal.title', { title: GOAL }) }).waitFor();

  // A task under it, owned by a member of the team, with its dates.
  await navigate(page, () => workspaceLink(page, t('workspace.nav.plan')).click());
  await navigate(page, () => page.getByRole('link', { name: t('plan.add.task') }).click());
  await page.getByLabel(t('plan.field.title'), { exact: true }).fill(TASK.title);
  await page.getByLabel(t('plan.field.goal'), { exact: true }).selectOption({ label: GOAL });
  await page.getByLabel(optional(t('plan.field.owner')), { exact: true }).selectOption({ label: team.member.name });
  await page.getByLabel(t('plan.field.startsOn'), { exact: true }).fill(TASK.startsOn);
  await page.getByLabel(t('plan.field.dueOn'), { exact: true }).fill(TASK.dueOn);
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('plan.flash.created', { title: TASK.title })).waitFor();

  // A budget line of $5,200 against the $5,000 subgrant.
  await navigate(page, () => workspaceLink(page, t('workspace.nav.plan')).click());
  await navigate(page, () => page.getByRole('link', { name: t('plan.add.line') }).click());
  await page.getByLabel(t('plan.field.category'), { exact: true }).selectOption({ label: LINE.category });
  await page.getByLabel(t('plan.field.lineDescription'), { exact: true }).fill(LINE.description);
  await page.getByLabel(t('plan.field.planned'), { exact: true }).fill(LINE.planned);
  await page.getByLabel(optional(t('plan.field.task')), { exact: true }).selectOption({ label: TASK.title });
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('plan.flash.created', { title: LINE.description })).waitFor();

  // The plan page warns, at the top and by the budget.
  await navigate(page, () => workspaceLink(page, t('workspace.nav.plan')).click());
  const over = t('plan.over.planned', { total: '$5,200', over: '$200', subgrant: '$5,000' });
  assert.equal(await page.getByText(over).count(), 2);
  await page.getByText(over).first().waitFor();
  const tasks = page.getByRole('table', { name: t('plan.tasks.caption', { goal: GOAL }) });
  assert.deepEqual(await rowCells(tasks, TASK.title), [
    TASK.title,
    team.member.name,
    formatDate(TASK.startsOn, 'en'),
    formatDate(TASK.dueOn, 'en'),
    t('plan.status.not_started'),
    t('plan.none'),
  ]);
  const lines = page.getByRole('table', { name: t('plan.budget.caption') });
  assert.deepEqual(await rowCells(lines, LINE.category), [LINE.category, LINE.description, t('plan.none'), TASK.title, '$5,200', '$0']);
  const overview = await server.app.services.plan.overview(team.library);
  assert.equal(overview.budget.plannedCents, 520_000);
  assert.equal(overview.budget.subgrantCents, 500_000);
  assert.equal(overview.budget.overPlanned, true);

  // The board: the task under its status, with its owner.
  const views = page.getByRole('navigation', { name: t('plan.views.label') });
  await navigate(page, () => views.getByRole('link', { name: t('plan.view.board') }).click());
  assert.equal(new URL(page.url()).searchParams.get('view'), 'board');
  await page.getByText(over).first().waitFor();
  const notStarted = page.getByRole('region', { name: `${t('plan.status.not_started')} (${t('plan.board.count.one')})` });
  await notStarted.getByRole('link', { name: TASK.title }).waitFor();
  await notStarted.getByText(t('plan.board.owner', { name: team.member.name })).waitFor();
  await notStarted.getByText(t('plan.board.due', { date: formatDate(TASK.dueOn, 'en') })).waitFor();
  await page.getByRole('region', { name: `${t('plan.status.done')} (${t('plan.board.count.other', { count: 0 })})` }).getByText(t('plan.board.empty')).waitFor();

  // The timeline: a column per month, and the same in words.
  await navigate(page, () => views.getByRole('link', { name: t('plan.view.timeline') }).click());
  assert.equal(new URL(page.url()).searchParams.get('view'), 'timeline');
  const timeline = page.getByRole('table', { name: t('plan.timeline.caption') });
  assert.deepEqual(await timeline.getByRole('columnheader').allInnerTexts(), [t('plan.timeline.item'), 'Jan 2027', 'Feb 2027']);
  const taskRow = await rowCells(timeline, TASK.title);
  assert.equal(taskRow.length, 3);
  assert.ok(taskRow.slice(1).every((cell) => cell.includes(t('plan.timeline.active'))), JSON.stringify(taskRow));
  await page
    .getByText(
      t('plan.timeline.task', {
        title: TASK.title,
        start: formatDate(TASK.startsOn, 'en'),
        due: formatDate(TASK.dueOn, 'en'),
        status: t('plan.status.not_started'),
      }),
    )
    .waitFor();
});

test('staff upload a photo with a release, publish a postcard with it on the hub and the directory; a photo without a release cannot be published', async (context) => {
  const { server } = harness;
  const { photos, share } = server.app.services;
  const folder = await mkdtemp(join(tmpdir(), 'smartspaces-e2e-'));
  context.after(() => rm(folder, { recursive: true, force: true }));
  const file = join(folder, 'teen-corner.png');
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 60, g: 140, b: 180 } } }).png().toFile(file);
  // A photo of people without a signed release, already in the workspace.
  const unreleased = await photos.createPhoto(
    team.library,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 170, g: 130, b: 90 } } }).png().toBuffer(),
    { kind: 'process', alt: UNRELEASED.alt, caption: UNRELEASED.caption, credit: '', consent: 'no-release' },
    team.lead.id,
  );

  // The photo, through the upload form.
  const page = await staffPage();
  await visit(page, `${server.url}/libraries/${team.library.slug}/journey`);
  await navigate(page, () => workspaceLink(page, t('workspace.nav.photos')).click());
  await navigate(page, () => page.getByRole('link', { name: t('photos.list.upload') }).click());
  await page.getByLabel(t('photos.field.file'), { exact: true }).setInputFiles(file);
  await page.getByRole('group', { name: t('photos.field.kind') }).getByRole('radio', { name: t('photos.kind.after'), exact: true }).check();
  await page.getByLabel(t('photos.field.alt'), { exact: true }).fill(RELEASED.alt);
  await page.getByLabel(optional(t('photos.field.caption')), { exact: true }).fill(RELEASED.caption);
  await page.getByLabel(optional(t('photos.field.credit')), { exact: true }).fill(RELEASED.credit);
  await page.getByRole('group', { name: t('photos.field.consent') }).getByRole('radio', { name: t('photos.consent.release') }).check();
  await navigate(page, () => page.getByRole('button', { name: t('photos.new.submit') }).click());
  await page.getByText(t('photos.new.done')).waitFor();
  const released = (await photos.listForLibrary(team.library.id, { kind: 'after' })).find((p) => p.caption === RELEASED.caption);
  assert.ok(released, 'the photo is stored');
  assert.equal(released.consent, 'release');
  assert.equal(released.alt, RELEASED.alt);

  // A postcard with it.
  await navigate(page, () => workspaceLink(page, t('workspace.nav.share')).click());
  await navigate(page, () => page.getByRole('link', { name: t('share.postcards.new') }).click());
  await page.getByLabel(t('share.field.title'), { exact: true }).fill(POSTCARD.title);
  await page.getByLabel(t('share.field.body'), { exact: true }).fill(POSTCARD.body);
  const choices = page.getByRole('group', { name: t('share.field.photo') });
  await choices.getByRole('radio', { name: `${UNRELEASED.caption} (${t('share.photo.noRelease')})`, exact: true }).waitFor();
  await choices.getByRole('radio', { name: RELEASED.caption, exact: true }).check();
  await navigate(page, () => page.getByRole('button', { name: t('share.postcards.save') }).click());
  await page.getByText(t('share.flash.postcardSaved', { title: POSTCARD.title })).waitFor();
  await page.getByText(t('share.status.draft'), { exact: true }).waitFor();

  // Published on the hub.
  await navigate(page, () => page.getByRole('button', { name: t('share.postcard.publish') }).click());
  await page.getByText(t('share.flash.postcardPublished', { title: POSTCARD.title })).waitFor();
  await page.getByText(t('share.status.published'), { exact: true }).waitFor();
  const hubPath = await page.getByRole('link', { name: t('share.hub.link', { title: POSTCARD.title }) }).getAttribute('href');
  assert.match(hubPath ?? '', /^\/postcards\/[a-z0-9-]+$/);

  // A visitor finds it among the postcards, reads it, and finds it on the library's page in the directory.
  const visitor = await harness.newPage();
  await visit(visitor, `${server.url}/postcards`);
  await navigate(visitor, () => visitor.getByRole('link', { name: POSTCARD.title }).click());
  assert.equal(new URL(visitor.url()).pathname, hubPath);
  await visitor.getByRole('heading', { level: 1, name: POSTCARD.title }).waitFor();
  await visitor.getByText(POSTCARD.body).waitFor();
  const picture = visitor.getByRole('img', { name: RELEASED.alt });
  assert.ok(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the photo loaded');
  await visit(visitor, `${server.url}/directory/${team.library.slug}`);
  await visitor.getByRole('heading', { level: 1, name: team.library.name }).waitFor();
  const cards = visitor.getByRole('list', { name: t('directory.postcards.caption', { name: team.library.name }) });
  assert.equal(await cards.getByRole('link', { name: POSTCARD.title }).getAttribute('href'), hubPath);

  // A postcard with the photo that has no release is refused when published, and stays a draft.
  await navigate(page, () => workspaceLink(page, t('workspace.nav.share')).click());
  await navigate(page, () => page.getByRole('link', { name: t('share.postcards.new') }).click());
  await page.getByLabel(t('share.field.title'), { exact: true }).fill('Testing the prototype');
  await page.getByLabel(t('share.field.body'), { exact: true }).fill('Patrons tried a cardboard version of the room first.');
  await page.getByRole('group', { name: t('share.field.photo') }).getByRole('radio', { name: UNRELEASED.caption }).check();
  await navigate(page, () => page.getByRole('button', { name: t('share.postcards.save') }).click());
  await navigate(page, () => page.getByRole('button', { name: t('share.postcard.publish') }).click());
  await page.getByRole('alert').getByText(t('share.error.noRelease')).waitFor();
  await page.getByText(t('share.status.draft'), { exact: true }).waitFor();
  const refused = (await share.listPostcards(team.library.id, 1)).items.find((p) => p.title === 'Testing the prototype');
  assert.ok(refused, 'the postcard is stored');
  assert.equal(refused.publishedAt, null);
  assert.equal(refused.photoId, unreleased.id);
  await visit(visitor, `${server.url}/postcards`);
  assert.equal(await visitor.getByRole('link', { name: 'Testing the prototype' }).count(), 0);
  await visitor.getByRole('link', { name: POSTCARD.title }).waitFor();
});

test('staff assemble the transformation story, retitle and submit it; an admin approves and publishes it, and visitors read it; the print version renders', async () => {
  const { server } = harness;
  const page = await staffPage();

  // Assembled from the workspace.
  await visit(page, `${server.url}/libraries/${team.library.slug}/share`);
  await page.getByText(t('share.story.state', { status: t('share.storyStatus.none') })).waitFor();
  await navigate(page, () => page.getByRole('button', { name: t('share.story.assemble') }).click());
  await page.getByText(t('share.flash.assembled')).waitFor();
  assert.equal(new URL(page.url()).pathname, `/libraries/${team.library.slug}/share/story`);
  await page.getByRole('heading', { level: 1, name: t('share.assembled.title', { name: team.library.name }) }).waitFor();
  // It draws on the plan and the photo with a release, not on the one without.
  await page.getByText(GOAL).first().waitFor();
  await page.getByRole('img', { name: RELEASED.alt }).waitFor();
  assert.equal(await page.getByRole('img', { name: UNRELEASED.alt }).count(), 0);

  // A better title.
  await navigate(page, () => page.getByRole('link', { name: t('share.story.edit') }).click());
  const title = page.getByLabel(t('share.field.title'), { exact: true });
  assert.equal(await title.inputValue(), t('share.assembled.title', { name: team.library.name }));
  await title.fill(STORY_TITLE);
  await navigate(page, () => page.getByRole('button', { name: t('share.story.save') }).click());
  await page.getByText(t('share.flash.storySaved')).waitFor();
  await page.getByRole('heading', { level: 1, name: STORY_TITLE }).waitFor();

  // Submitted: staff wait for an admin.
  await navigate(page, () => page.getByRole('button', { name: t('share.story.submit') }).click());
  await page.getByText(t('share.flash.submitted')).waitFor();
  await page.getByText(t('share.story.waiting')).waitFor();
  assert.equal(await page.getByRole('button', { name: t('share.story.approve') }).count(), 0);
  assert.equal((await server.app.services.share.getStory(team.library.id))?.status, 'submitted');

  // The admin approves and publishes it.
  const admin = await harness.newPage();
  await signIn(admin, server.url, team.admin.email, PASSWORD);
  await visit(admin, `${server.url}/libraries/${team.library.slug}/share/story`);
  await admin.getByText(t('share.story.state', { status: t('share.storyStatus.submitted') })).waitFor();
  await navigate(admin, () => admin.getByRole('button', { name: t('share.story.approve') }).click());
  await admin.getByText(t('share.flash.approved')).waitFor();
  await navigate(admin, () => admin.getByRole('link', { name: t('share.story.onHub') }).click());
  const storyPath = new URL(admin.url()).pathname;
  assert.match(storyPath, /^\/stories\/[a-z0-9-]+$/);
  const stored = await server.app.services.share.getStory(team.library.id);
  assert.equal(stored?.status, 'published');
  assert.equal(stored?.hubPath, storyPath);

  // A visitor reads it on the hub and finds it on the library's page.
  const visitor = await harness.newPage();
  await visit(visitor, `${server.url}${storyPath}`);
  await visitor.getByRole('heading', { level: 1, name: STORY_TITLE }).waitFor();
  await visitor.getByText(GOAL).first().waitFor();
  const cover = visitor.getByRole('img', { name: RELEASED.alt }).first();
  assert.ok(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the story’s photo loaded');
  await visit(visitor, `${server.url}/directory/${team.library.slug}`);
  const storySection = visitor.getByRole('region', { name: t('directory.story.title') });
  assert.equal(await storySection.getByRole('link', { name: STORY_TITLE }).getAttribute('href'), storyPath);

  // The print version.
  await visit(page, `${server.url}/libraries/${team.library.slug}/share/story`);
  await page.getByText(t('share.story.state', { status: t('share.storyStatus.published') })).waitFor();
  await navigate(page, () => page.getByRole('link', { name: t('share.story.print') }).click());
  assert.equal(new URL(page.url()).pathname, `/libraries/${team.library.slug}/share/story/print`);
  await page.getByRole('heading', { level: 1, name: STORY_TITLE }).waitFor();
  await page.getByText(t('share.print.hint')).waitFor();
  await page.getByText(team.library.name, { exact: true }).first().waitFor();
  for (const part of ['before', 'during', 'after'] as const) {
    await page.getByRole('heading', { level: 2, name: t(`share.story.${part}`), exact: true }).waitFor();
  }
});
