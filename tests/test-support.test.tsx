import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorSummary, Form, Radios, Select, SubmitButton, TextArea, TextField, type FormState } from '../src/ui/forms';
import { createTestApp, type TestApp } from './support/app';
import { makeGoal, makeIdea, makeLibrary, makePhoto, makeSurvey, makeTask } from './support/factories';
import { allByRole, byLabel, byRole, fieldError, fieldValue, nameOf, tableRows, textOf } from './support/html';
import { assertInOrder } from './support/order';
import { renderInPage } from './support/render';

describe('assertInOrder', () => {
  it('passes when every item is there in the order given', () => {
    assertInOrder('<li>Newest</li><li>Middle</li><li>Oldest</li>', ['Newest', 'Middle', 'Oldest']);
  });

  it('fails when an item is missing, wherever it would sort', () => {
    assert.throws(() => assertInOrder('<li>Newest</li>', ['Missing', 'Newest']), /"Missing" is missing/);
    assert.throws(() => assertInOrder('<li>Newest</li>', ['Newest', 'Missing'], 'newest first'), /newest first: "Missing" is missing/);
  });

  it('fails when the items are out of order, or found at one place', () => {
    assert.throws(() => assertInOrder('Oldest, Newest', ['Newest', 'Oldest']), /found in the order "Oldest" \(at 0\), "Newest"/);
    assert.throws(() => assertInOrder('Message 29', ['Message 29', 'Message 2']), /found in the order/);
  });
});


/** A form drawn with the shared field components, so the queries are tried on the markup pages really have. */
function renderForm(form: FormState): string {
  return renderInPage(
    <main>
      <h1>New goal</h1>
      <ErrorSummary form={form} />
      <Form action="/goals">
        <TextField form={form} name="title" label="Title" hint="A few words." />
        <TextField form={form} name="subtitle" label="Subtitle" optional />
        <TextArea form={form} name="description" label="Description" />
        <Select form={form} name="owner" label="Owner" emptyLabel="Nobody" options={[{ value: 'ana', label: 'Ana' }, { value: 'ben', label: 'Ben' }]} />
        <Radios form={form} name="status" label="Status" options={[{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }]} />
        <SubmitButton>Save the goal</SubmitButton>
      </Form>
      <table>
        <caption>Goals, newest first</caption>
        <tr>
          <th>Title</th>
          <th>Tasks</th>
        </tr>
        <tr>
          <td>
            <a href="/goals/1">A space for making</a>
          </td>
          <td>3</td>
        </tr>
      </table>
    </main>,
  );
}

describe('queries over parsed pages', () => {
  const html = renderForm({
    values: { title: '', description: 'Line one\nLine two', owner: 'ben', subtitle: 'Kept <b>as typed</b>' },
    errors: { title: 'Enter a title', status: 'Choose a status' },
  });

  it('reads the error announced with a labelled field, and none where there is none', () => {
    assert.equal(fieldError(html, 'Title'), 'Enter a title');
    assert.equal(fieldError(html, 'Status'), 'Choose a status', 'a group of choices is labelled by its legend');
    assert.equal(fieldError(html, 'Description'), undefined);
    assert.equal(fieldError(html, /^Subtitle/), undefined, 'a label with its optional marker matches a regular expression');
  });

  it('refuses a label no field has, or one that several fields have', () => {
    assert.throws(() => fieldError(html, 'Titel'), /Expected one field labelled Titel, found 0/);
    assert.throws(() => byLabel(html, /title/i), /found 2/);
  });

  it('reads what a field holds, as the browser would show it', () => {
    assert.equal(fieldValue(html, 'Title'), '');
    assert.equal(fieldValue(html, 'Subtitle (optional)'), 'Kept <b>as typed</b>');
    assert.equal(fieldValue(html, 'Description'), 'Line one\nLine two');
    assert.equal(fieldValue(html, 'Owner'), 'ben');
    assert.equal(byLabel(html, 'Title').attribs['aria-invalid'], 'true');
  });

  it('finds elements by role and accessible name', () => {
    assert.equal(textOf(byRole(html, 'heading', { level: 1 })), 'New goal');
    assert.equal(byRole(html, 'link', { name: 'Enter a title' }).attribs.href, '#field-title');
    assert.equal(nameOf(byRole(html, 'button')), 'Save the goal');
    assert.equal(allByRole(html, 'radio').length, 2);
    assert.equal(nameOf(byRole(html, 'radio', { name: 'Done' })), 'Done');
    assert.equal(byRole(html, 'textbox', { name: 'Title' }).attribs.name, 'title');
    assert.throws(() => byRole(html, 'link', { name: 'Nowhere' }), /found 0\. Elements with that role:\n {2}<a> link "Enter a title"/);
  });

  it('reads a table named by its caption, cell by cell', () => {
    const table = byRole(html, 'table', { name: 'Goals, newest first' });
    assert.deepEqual(tableRows(table), [
      ['Title', 'Tasks'],
      ['A space for making', '3'],
    ]);
  });
});

describe('workspace factories', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('make goals, tasks, ideas, photos and surveys through the services', async () => {
    const library = await makeLibrary(t.app);
    const { plan, prototypes, photos, surveys } = t.app.services;

    const goal = await makeGoal(t.app, library, { title: 'A space for making' });
    const task = await makeTask(t.app, library, { goalId: goal.id, status: 'blocked' });
    assert.deepEqual(
      { goalId: (await plan.getTask(library, task.id))?.goalId, status: (await plan.getTask(library, task.id))?.status },
      { goalId: goal.id, status: 'blocked' },
    );
    const alone = await makeTask(t.app, library);
    assert.notEqual(alone.goalId, goal.id, 'a task without a goal gets a goal of its own');

    const idea = await makeIdea(t.app, library, { title: 'Cardboard stations' });
    assert.equal((await prototypes.getIdea(library.id, idea.id))?.title, 'Cardboard stations');

    const photo = await makePhoto(t.app, library, { kind: 'after' });
    assert.equal((await photos.getPhoto(library.id, photo.id))?.kind, 'after');

    const { survey, questions } = await makeSurvey(t.app, library, { questions: ['single', 'dots', 'short'] });
    assert.equal(survey.status, 'open');
    assert.deepEqual(
      questions.map((q) => [q.type, q.options.length]),
      [
        ['single', 3],
        ['dots', 3],
        ['short', 0],
      ],
    );
    assert.equal((await surveys.getByCode(survey.code))?.survey.id, survey.id, 'patrons can reach the open survey');
    const draft = await makeSurvey(t.app, library, { open: false });
    assert.equal(draft.survey.status, 'draft');
  });
});
