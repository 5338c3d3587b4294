import { SCALE_POINTS, type AnswerValue, type Bilingual, type Question, type ResponseChannel, type SurveyResponse } from './model';

/**
 * Counting a question's answers. Pure functions over parsed responses, so the
 * figures are the same on both databases and easy to check.
 */

/** One option of a choice or dot-vote question with its count and share. */
export interface OptionTally {
  id: string;
  label: Bilingual;
  /** People who picked it (choice), or dots placed on it (dot vote). */
  count: number;
  /** Whole percent of those who answered (choice) or of all dots placed (dot vote). */
  percent: number;
}

/** One point of a 1–5 scale with how many chose it. */
export interface PointTally {
  point: number;
  count: number;
  /** Whole percent of those who answered. */
  percent: number;
}

/** One free-text answer. */
export interface TextAnswer {
  responseId: string;
  text: string;
  submittedAt: string;
  channel: ResponseChannel;
}

/** What a question's answers add up to, by kind of question. */
export type QuestionFigures =
  | { kind: 'choice'; options: OptionTally[] }
  | { kind: 'scale'; points: PointTally[]; average: number }
  | { kind: 'dots'; totalDots: number; options: OptionTally[] }
  | { kind: 'text'; answers: TextAnswer[] };

/** A question's figures and how many people answered it. */
export interface QuestionTally {
  question: Question;
  answered: number;
  figures: QuestionFigures;
}

/** A percentage rounded to a whole number; 0 of nothing is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}

/** A valid answer to one question, in a shape that depends on its type. */
export type CleanAnswer =
  | { kind: 'options'; ids: string[] }
  | { kind: 'scale'; point: number }
  | { kind: 'text'; text: string }
  | { kind: 'dots'; dots: Map<string, number> };

/**
 * Reads a stored answer against its question. Anything that does not fit the
 * question (an option since removed, a scale point out of range, an empty
 * text) counts as not answered rather than breaking the figures.
 */
export function cleanAnswer(question: Question, value: AnswerValue | undefined): CleanAnswer | undefined {
  const known = new Set(question.options.map((o) => o.id));
  switch (question.type) {
    case 'single':
      return typeof value === 'string' && known.has(value) ? { kind: 'options', ids: [value] } : undefined;
    case 'multiple': {
      if (!Array.isArray(value)) return undefined;
      // In the question's order, each option once.
      const ids = question.options.map((o) => o.id).filter((id) => value.includes(id));
      return ids.length > 0 ? { kind: 'options', ids } : undefined;
    }
    case 'scale':
      return typeof value === 'number' && (SCALE_POINTS as readonly number[]).includes(value) ? { kind: 'scale', point: value } : undefined;
    case 'short':
    case 'long':
      return typeof value === 'string' && value.trim() !== '' ? { kind: 'text', text: value } : undefined;
    case 'dots': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const dots = new Map<string, number>();
      for (const option of question.options) {
        const placed = value[option.id];
        if (typeof placed === 'number' && Number.isInteger(placed) && placed > 0) dots.set(option.id, placed);
      }
      return dots.size > 0 ? { kind: 'dots', dots } : undefined;
    }
  }
}

/** Counts one question's answers over responses given newest first. */
export function tallyQuestion(question: Question, responses: readonly SurveyResponse[]): QuestionTally {
  const answers = responses.flatMap((response) => {
    const answer = cleanAnswer(question, response.answers[question.id]);
    return answer ? [{ response, answer }] : [];
  });
  const answered = answers.length;
  const tally = (counts: Map<string, number>, whole: number): OptionTally[] =>
    question.options.map((o) => ({ id: o.id, label: { en: o.en, es: o.es }, count: counts.get(o.id) ?? 0, percent: percentOf(counts.get(o.id) ?? 0, whole) }));
  const add = (counts: Map<string, number>, key: string, amount: number) => counts.set(key, (counts.get(key) ?? 0) + amount);

  switch (question.type) {
    case 'single':
    case 'multiple': {
      const counts = new Map<string, number>();
      for (const { answer } of answers) if (answer.kind === 'options') for (const id of answer.ids) add(counts, id, 1);
      return { question, answered, figures: { kind: 'choice', options: tally(counts, answered) } };
    }
    case 'scale': {
      const counts = new Map<string, number>();
      let sum = 0;
      for (const { answer } of answers) {
        if (answer.kind !== 'scale') continue;
        add(counts, String(answer.point), 1);
        sum += answer.point;
      }
      const points = SCALE_POINTS.map((point) => {
        const count = counts.get(String(point)) ?? 0;
        return { point, count, percent: percentOf(count, answered) };
      });
      return { question, answered, figures: { kind: 'scale', points, average: answered === 0 ? 0 : sum / answered } };
    }
    case 'dots': {
      const counts = new Map<string, number>();
      for (const { answer } of answers) if (answer.kind === 'dots') for (const [id, placed] of answer.dots) add(counts, id, placed);
      const totalDots = [...counts.values()].reduce((a, b) => a + b, 0);
      return { question, answered, figures: { kind: 'dots', totalDots, options: tally(counts, totalDots) } };
    }
    case 'short':
    case 'long': {
      const texts = answers.flatMap(({ response, answer }) =>
        answer.kind === 'text' ? [{ responseId: response.id, text: answer.text, submittedAt: response.submittedAt, channel: response.channel }] : [],
      );
      return { question, answered, figures: { kind: 'text', answers: texts } };
    }
  }
}

/** The largest shares first; among equals, the question's own order. */
export function leading<T extends { count: number }>(items: readonly T[], howMany: number): T[] {
  return [...items]
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, howMany);
}

/**
 * One response's answer as a spreadsheet cell: option labels in English,
 * multiple choices joined by "; ", dots as "Label: n; Label: n", the scale
 * point as a number and text as typed.
 */
export function answerCell(question: Question, value: AnswerValue | undefined): string | number {
  const answer = cleanAnswer(question, value);
  if (!answer) return '';
  const label = (id: string) => question.options.find((o) => o.id === id)?.en ?? id;
  switch (answer.kind) {
    case 'options':
      return answer.ids.map(label).join('; ');
    case 'scale':
      return answer.point;
    case 'text':
      return answer.text;
    case 'dots':
      return [...answer.dots].map(([id, placed]) => `${label(id)}: ${placed}`).join('; ');
  }
}
