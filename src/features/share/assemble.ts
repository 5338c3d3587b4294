import type { Locale, Translate } from '../../i18n';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format';
import type { StorySections } from '../content/service';
import type { Library } from '../libraries/service';
import type { Photo } from '../photos/service';
import type { DiscoverService } from '../discover/service';
import type { PrototypesService } from '../prototypes/service';
import type { PlanService } from '../plan/service';
import type { SurveyResultsService } from '../surveys/results';

/** Everything the workspace knows that a story tells, gathered from each part's service. */
export interface StoryFacts {
  library: Library;
  beforePhotos: Photo[];
  afterPhotos: Photo[];
  discovery: Awaited<ReturnType<DiscoverService['highlights']>>;
  prototypes: Awaited<ReturnType<PrototypesService['summary']>>;
  plan: Awaited<ReturnType<PlanService['summary']>>;
  surveys: Awaited<ReturnType<SurveyResultsService['highlights']>>;
}

/** An assembled draft: what staff then edit. */
export interface AssembledStory {
  title: string;
  summary: string;
  sections: StorySections;
}

/**
 * Text typed elsewhere in the workspace (captions, insights, titles) as
 * literal Markdown on one line, so a stray `#` or `*` does not turn into a
 * heading or emphasis in the story.
 */
export function literal(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]#<>|~])/g, '\\$1');
}

const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

/** A part of a section: a level-3 heading (the hub shows each section under an h2) and its text. */
const part = (heading: string, text: string) => `### ${heading}\n\n${text}`;

function beforeSection(facts: StoryFacts, t: Translate, locale: Locale): string {
  const { library, beforePhotos, discovery } = facts;
  const place = [library.town, library.state].filter(Boolean).join(', ');
  const community =
    library.peopleServed === null
      ? t('share.assembled.communityNoCount', { name: library.name, place })
      : t('share.assembled.community', { name: library.name, place, people: formatNumber(library.peopleServed, locale) });
  const parts = [part(t('share.assembled.communityHeading'), literal(community))];
  const captions = beforePhotos.map((p) => literal(p.caption || p.alt)).filter(Boolean);
  if (captions.length) parts.push(part(t('share.assembled.spaceBeforeHeading'), bullets(captions)));
  const listening: string[] = [];
  if (discovery.activities.length) {
    listening.push(
      bullets(
        discovery.activities.map((a) =>
          t('share.assembled.activity', {
            title: literal(a.title),
            date: formatDate(a.date, locale),
            people: formatNumber(a.participants, locale),
          }),
        ),
      ),
    );
  }
  if (discovery.insights.length) {
    listening.push(t('share.assembled.insightsLead'));
    listening.push(
      bullets(
        discovery.insights.map((i) =>
          i.themes.length ? `${literal(i.text)} (${i.themes.map(literal).join(', ')})` : literal(i.text),
        ),
      ),
    );
  }
  if (listening.length) parts.push(part(t('share.assembled.discoveryHeading'), listening.join('\n\n')));
  return parts.join('\n\n');
}

function duringSection(facts: StoryFacts, t: Translate, locale: Locale): string {
  const { prototypes, plan } = facts;
  const parts: string[] = [];
  if (prototypes.length) {
    const lines = prototypes.map((p) => {
      const head = `**${literal(p.title)}**${p.description ? ` — ${literal(p.description)}` : ''}`;
      const cost = t('share.assembled.cost', { cost: formatMoney(p.costCents, locale) });
      const decision = p.decision
        ? t('share.assembled.decision', { decision: t(`share.decision.${p.decision}`), reason: literal(p.reason) })
        : t('share.assembled.undecided');
      return `${head} ${cost} ${decision}`.trim();
    });
    parts.push(part(t('share.assembled.prototypesHeading'), bullets(lines)));
  }
  const planLines: string[] = [];
  if (plan.goals.length) planLines.push(t('share.assembled.goalsLead'), bullets(plan.goals.map(literal)));
  if (plan.tasks.total) {
    planLines.push(
      t('share.assembled.tasks', { done: formatNumber(plan.tasks.done, locale), total: formatNumber(plan.tasks.total, locale) }),
    );
  }
  if (plan.plannedCents || plan.actualCents) {
    const money = { planned: formatMoney(plan.plannedCents, locale), actual: formatMoney(plan.actualCents, locale) };
    planLines.push(
      plan.subgrantCents === null
        ? t('share.assembled.budget', money)
        : t('share.assembled.budgetSubgrant', { ...money, subgrant: formatMoney(plan.subgrantCents, locale) }),
    );
  }
  if (planLines.length) parts.push(part(t('share.assembled.planHeading'), planLines.join('\n\n')));
  return parts.join('\n\n');
}

function afterSection(facts: StoryFacts, t: Translate, locale: Locale): string {
  const { afterPhotos, surveys } = facts;
  const parts: string[] = [];
  const captions = afterPhotos.map((p) => literal(p.caption || p.alt)).filter(Boolean);
  if (captions.length) parts.push(part(t('share.assembled.afterHeading'), bullets(captions)));
  const surveyLines = surveys.flatMap((survey) => [
    `**${literal(survey.title)}** ${t('share.assembled.responses', { n: formatNumber(survey.responses, locale) })}`,
    bullets(
      survey.questions.map((q) => {
        const top = q.top.map((o) => `${literal(o.label)} (${formatNumber(o.percent, locale)}%)`).join(', ');
        return `${literal(q.prompt)}: ${top}`;
      }),
    ),
  ]);
  if (surveyLines.length) parts.push(part(t('share.assembled.surveysHeading'), surveyLines.join('\n\n')));
  return parts.join('\n\n');
}

/**
 * A first draft of the transformation story from what the workspace holds:
 * the community, the space before and what discovery found (before); the
 * prototypes, decisions and plan (during); the space after and what patrons
 * said in surveys (after). Survey highlights arrive already filtered for
 * readers outside the team.
 */
export function assembleStory(facts: StoryFacts, t: Translate, locale: Locale): AssembledStory {
  const { library } = facts;
  const place = [library.town, library.state].filter(Boolean).join(', ');
  return {
    title: t('share.assembled.title', { name: library.name }),
    summary: t('share.assembled.summary', { name: library.name, place }),
    sections: {
      before: beforeSection(facts, t, locale),
      during: duringSection(facts, t, locale),
      after: afterSection(facts, t, locale),
    },
  };
}
