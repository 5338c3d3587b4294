import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../i18n';
import type { Photo } from '../photos/service';
import type { Library } from '../libraries/service';
import { assembleStory, literal, type StoryFacts } from './assemble';

const library: Library = {
  id: 'lib',
  slug: 'glenns-ferry',
  name: 'Glenns Ferry Public Library',
  town: 'Glenns Ferry',
  state: 'ID',
  peopleServed: 1241,
  timeZone: 'America/Boise',
  website: '',
  description: '',
  cohortId: null,
  createdAt: '2016-07-01T00:00:00.000Z',
  updatedAt: '2016-07-01T00:00:00.000Z',
};

const photo = (caption: string, alt = 'A room'): Photo => ({
  id: caption,
  libraryId: 'lib',
  imageId: 'image',
  kind: 'before',
  caption,
  alt,
  credit: '',
  consent: 'release',
  subjectType: null,
  subjectId: null,
  width: 600,
  height: 400,
  widths: [480],
  publishedAt: null,
  createdAt: '2017-01-01T00:00:00.000Z',
});

const facts: StoryFacts = {
  library,
  beforePhotos: [photo('Shelves of VHS tapes'), photo('', 'An empty room with one chair')],
  afterPhotos: [photo('The new worktable')],
  discovery: {
    activities: [{ title: 'Community survey', kind: 'survey', date: '2016-10-15', participants: 212 }],
    insights: [{ text: 'Families want to *make* things together', themes: ['families', 'making'] }],
  },
  prototypes: [
    { title: 'Pop-up craft table', description: 'A folding table with kits', costCents: 4500, decision: 'keep', reason: 'Used every day.' },
    { title: 'Quiet booth', description: '', costCents: 0, decision: null, reason: '' },
  ],
  plan: { goals: ['Open the makerspace'], tasks: { total: 12, done: 9 }, plannedCents: 480000, actualCents: 455000, subgrantCents: 500000 },
  surveys: [{ title: 'What should we make?', responses: 212, questions: [{ prompt: 'Most wanted', responses: 200, top: [{ label: 'Sewing', percent: 41 }] }] }],
};

describe('assembling a story', () => {
  it('tells the community, discovery, prototypes, plan, after photos and survey highlights in three parts', () => {
    const story = assembleStory(facts, translator('en'), 'en');
    assert.equal(story.title, 'Transforming Glenns Ferry Public Library');
    assert.match(story.summary, /in Glenns Ferry, ID/);
    assert.match(story.sections.before, /^### Our community\n\nGlenns Ferry Public Library serves about 1,241 people in Glenns Ferry, ID\./);
    assert.match(story.sections.before, /- Shelves of VHS tapes\n- An empty room with one chair/);
    assert.match(story.sections.before, /- Community survey, Oct 15, 2016: 212 people took part/);
    assert.match(story.sections.before, /Families want to \\\*make\\\* things together \(families, making\)/);
    assert.match(story.sections.during, /\*\*Pop-up craft table\*\* — A folding table with kits Cost: \$45\. Decision: keep\. Used every day\./);
    assert.match(story.sections.during, /\*\*Quiet booth\*\* Cost: \$0\. No decision yet\./);
    assert.match(story.sections.during, /9 of 12 tasks done\./);
    assert.match(story.sections.during, /\$4,800 planned and \$4,550 spent, against a subgrant of \$5,000\./);
    assert.match(story.sections.after, /### The space after\n\n- The new worktable/);
    assert.match(story.sections.after, /\*\*What should we make\?\*\* \(212 responses\)\n\n- Most wanted: Sewing \(41%\)/);
  });

  it('writes in Spanish when asked, and leaves out parts with nothing to tell', () => {
    const story = assembleStory(
      { ...facts, beforePhotos: [], afterPhotos: [], discovery: { activities: [], insights: [] }, prototypes: [], surveys: [], library: { ...library, peopleServed: null } },
      translator('es'),
      'es',
    );
    assert.equal(story.title, 'La transformación de Glenns Ferry Public Library');
    assert.equal(story.sections.before, '### Nuestra comunidad\n\nGlenns Ferry Public Library atiende a la comunidad de Glenns Ferry, ID.');
    assert.doesNotMatch(story.sections.during, /Prototipos/);
    assert.equal(story.sections.after, '');
  });

  it('keeps text from the workspace literal', () => {
    assert.equal(literal('# Not a heading\n[link](javascript:x) <b>'), '\\# Not a heading \\[link\\](javascript:x) \\<b\\>');
  });
});
