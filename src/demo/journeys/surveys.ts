import type { Services } from '../../server/services';
import type { Locale } from '../../i18n';
import type { AnswerValue, Bilingual, Question, QuestionType } from '../../features/surveys/model';
import type { ImportedResponse } from '../../features/surveys/service';
import type { JourneyContext, JourneyLibrary } from './context';

/** A demo question: its texts, and how popular each option is among the generated patrons. */
interface DemoQuestion {
  type: QuestionType;
  prompt: Bilingual;
  required?: boolean;
  dots?: number;
  /** Options with a relative weight. */
  options?: Array<[en: string, es: string, weight: number]>;
  /** Free-text answers to draw from, per language. */
  texts?: Record<Locale, string[]>;
}

interface DemoSurvey {
  title: Bilingual;
  intro: Bilingual;
  openedOn: string;
  /** The last day of answers; null for a survey that stays open. */
  closesOn: string | null;
  /** The last day of the generated answers (the closing day when there is one). */
  answeredUntil?: string;
  responses: number;
  /** Share of patrons answering in Spanish. */
  spanish: number;
  questions: DemoQuestion[];
}

const GLENNS_FERRY: DemoSurvey = {
  title: { en: 'What would you make in a makerspace?', es: '¿Qué crearía en un espacio maker?' },
  intro: {
    en: 'We are turning the old VHS storage room into a place to make things. Tell us what you would make there.',
    es: 'Vamos a convertir el antiguo cuarto de las cintas VHS en un lugar para crear. Cuéntenos qué haría allí.',
  },
  openedOn: '2016-10-03',
  closesOn: '2016-11-30',
  responses: 220,
  spanish: 0.3,
  questions: [
    {
      type: 'single',
      required: true,
      prompt: { en: 'How often do you visit the library?', es: '¿Con qué frecuencia visita la biblioteca?' },
      options: [
        ['Every week', 'Cada semana', 5],
        ['Every month', 'Cada mes', 4],
        ['A few times a year', 'Algunas veces al año', 3],
        ['This is my first visit', 'Es mi primera visita', 1],
      ],
    },
    {
      type: 'multiple',
      prompt: { en: 'What would you like to make or learn?', es: '¿Qué le gustaría crear o aprender?' },
      options: [
        ['3D printing', 'Impresión 3D', 6],
        ['Sewing and quilting', 'Costura y acolchado', 5],
        ['Robotics and coding', 'Robótica y programación', 5],
        ['Photo and video editing', 'Edición de fotos y vídeos', 3],
        ['Woodworking and crafts', 'Carpintería y manualidades', 4],
      ],
    },
    {
      type: 'scale',
      required: true,
      prompt: { en: 'How likely are you to use a makerspace at the library?', es: '¿Qué tan probable es que use un espacio maker en la biblioteca?' },
    },
    {
      type: 'dots',
      dots: 3,
      prompt: { en: 'Which tools should we get first?', es: '¿Qué herramientas deberíamos conseguir primero?' },
      options: [
        ['A 3D printer', 'Una impresora 3D', 6],
        ['Sewing machines', 'Máquinas de coser', 4],
        ['Laptops with design software', 'Portátiles con programas de diseño', 3],
        ['A vinyl cutter', 'Una cortadora de vinilo', 2],
        ['A button maker', 'Una máquina de chapas', 2],
      ],
    },
    {
      type: 'short',
      prompt: { en: 'What is the first thing you would make?', es: '¿Qué sería lo primero que crearía?' },
      texts: {
        en: ['A birdhouse with my grandson', 'Replacement parts for my tractor', 'A quilt for the county fair', 'A robot that waters plants', 'Costumes for the school play'],
        es: ['Un regalo para mi mamá', 'Piezas para una bicicleta', 'Una colcha para mi familia', 'Un robot con mis hijos'],
      },
    },
  ],
};

const MADISON: DemoSurvey = {
  title: { en: 'Wish Tree idea board', es: 'Tablero de ideas del Árbol de los Deseos' },
  intro: {
    en: 'Our Wish Trees stood at nine places around town. Give your dots to the wishes you like most.',
    es: 'Nuestros Árboles de los Deseos estuvieron en nueve lugares del pueblo. Dé sus puntos a los deseos que más le gusten.',
  },
  openedOn: '2017-03-01',
  closesOn: '2017-04-30',
  responses: 280,
  spanish: 0.33,
  questions: [
    {
      type: 'dots',
      dots: 5,
      required: true,
      prompt: { en: 'Place your dots on the wishes you like most', es: 'Ponga sus puntos en los deseos que más le gusten' },
      options: [
        ['A quiet study room', 'Una sala de estudio tranquila', 5],
        ['Comfortable chairs by the windows', 'Sillones cómodos junto a las ventanas', 6],
        ['A corner for teens', 'Un rincón para adolescentes', 5],
        ['A room for clubs and meetings', 'Una sala para clubes y reuniones', 3],
        ['A play area for young children', 'Un área de juego para niños pequeños', 4],
        ['Charging stations', 'Estaciones de carga', 3],
      ],
    },
    {
      type: 'single',
      prompt: { en: 'Where did you find a Wish Tree?', es: '¿Dónde encontró un Árbol de los Deseos?' },
      options: [
        ['At the library', 'En la biblioteca', 6],
        ['At a school', 'En una escuela', 4],
        ['At the senior center', 'En el centro de mayores', 2],
        ['At the farmers market', 'En el mercado de agricultores', 3],
        ['Somewhere else in town', 'En otro lugar del pueblo', 2],
      ],
    },
    {
      type: 'scale',
      prompt: { en: 'How much does the library feel like a place for you?', es: '¿Cuánto siente que la biblioteca es un lugar para usted?' },
    },
    {
      type: 'long',
      prompt: { en: 'Write your own wish for the library', es: 'Escriba su propio deseo para la biblioteca' },
      texts: {
        en: ['More space to spread out and work on puzzles together.', 'A place where teens can be loud after school.', 'Open on Sunday afternoons, please!', 'Somewhere to plug in my laptop and stay a while.'],
        es: ['Más libros en español para mis hijos.', 'Un lugar tranquilo para estudiar por la tarde.', 'Clases de computación para adultos.'],
      },
    },
    {
      type: 'single',
      prompt: { en: 'How old are you?', es: '¿Qué edad tiene?' },
      options: [
        ['Under 13', 'Menos de 13', 3],
        ['13 to 18', 'De 13 a 18', 3],
        ['19 to 64', 'De 19 a 64', 6],
        ['65 or older', '65 o más', 3],
      ],
    },
  ],
};

const IGNACIO: DemoSurvey = {
  title: { en: 'A media lab for Ignacio', es: 'Un laboratorio de medios para Ignacio' },
  intro: {
    en: 'We built a foam-board model of a media lab. Look at it, then tell us what would make it yours.',
    es: 'Construimos una maqueta de cartón pluma de un laboratorio de medios. Mírela y cuéntenos qué lo haría suyo.',
  },
  openedOn: '2017-09-05',
  closesOn: '2017-10-15',
  responses: 180,
  spanish: 0.4,
  questions: [
    {
      type: 'multiple',
      required: true,
      prompt: { en: 'What would you create in a media lab?', es: '¿Qué crearía en un laboratorio de medios?' },
      options: [
        ['Podcasts', 'Pódcasts', 4],
        ['Music', 'Música', 5],
        ['Short films', 'Cortometrajes', 4],
        ['Photography', 'Fotografía', 3],
        ['Family and community stories', 'Historias de la familia y la comunidad', 5],
      ],
    },
    {
      type: 'single',
      prompt: { en: 'Which layout of the foam-board model do you prefer?', es: '¿Qué distribución de la maqueta prefiere?' },
      options: [
        ['Open tables in the middle', 'Mesas abiertas en el centro', 5],
        ['A recording booth in the corner', 'Una cabina de grabación en la esquina', 4],
        ['Screens along the wall', 'Pantallas a lo largo de la pared', 2],
      ],
    },
    {
      type: 'scale',
      prompt: { en: 'How comfortable are you using cameras or recording equipment?', es: '¿Qué tan cómodo se siente usando cámaras o equipos de grabación?' },
    },
    {
      type: 'dots',
      dots: 3,
      prompt: { en: 'Which equipment matters most to you?', es: '¿Qué equipo es más importante para usted?' },
      options: [
        ['Cameras', 'Cámaras', 4],
        ['Microphones', 'Micrófonos', 4],
        ['Editing computers', 'Computadoras de edición', 5],
        ['A green screen', 'Una pantalla verde', 2],
      ],
    },
    {
      type: 'long',
      prompt: { en: 'Is there anything else we should know?', es: '¿Hay algo más que debamos saber?' },
      texts: {
        en: ['Please keep it open in the evenings for working people.', 'I would love to record my grandmother telling stories.', 'Teach us how to edit on the computers.'],
        es: ['Me gustaría grabar canciones con mi familia.', 'Necesitamos clases en español.', 'Que los jóvenes puedan usarlo después de la escuela.'],
      },
    },
  ],
};

/** A small seeded generator (mulberry32), so the demo is the same at every first start. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** An index chosen in proportion to the weights. */
function weighted(random: Random, weights: number[]): number {
  let roll = random() * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

/** One generated patron's answer to a question, or undefined when they skipped it. */
function answer(random: Random, question: Question, spec: DemoQuestion, locale: Locale): AnswerValue | undefined {
  const weights = (spec.options ?? []).map(([, , weight]) => weight);
  if (!question.required && random() < 0.12) return undefined;
  switch (question.type) {
    case 'single':
      return question.options[weighted(random, weights)]!.id;
    case 'multiple': {
      const top = Math.max(...weights);
      const chosen = question.options.filter((_, i) => random() < (weights[i]! / top) * 0.6);
      return chosen.length ? chosen.map((o) => o.id) : [question.options[weighted(random, weights)]!.id];
    }
    case 'scale':
      return weighted(random, [1, 2, 4, 6, 5]) + 1;
    case 'short':
    case 'long': {
      const texts = spec.texts?.[locale] ?? [];
      return texts.length && random() < 0.3 ? texts[Math.floor(random() * texts.length)] : undefined;
    }
    case 'dots': {
      const placed: Record<string, number> = {};
      for (let dot = 0; dot < (question.dots ?? 0); dot++) {
        const id = question.options[weighted(random, weights)]!.id;
        placed[id] = (placed[id] ?? 0) + 1;
      }
      return placed;
    }
  }
}

/** A time on a day between the first and the last, in office hours (UTC). */
function timeBetween(random: Random, first: string, last: string): string {
  const start = Date.parse(`${first}T15:00:00Z`);
  const days = Math.round((Date.parse(`${last}T15:00:00Z`) - start) / 86_400_000);
  return new Date(start + Math.floor(random() * (days + 1)) * 86_400_000 + Math.floor(random() * 8 * 3_600_000)).toISOString();
}

/** Seeds one closed survey of a library with its questions and generated responses. */
async function seedSurvey(services: Services, library: JourneyLibrary, spec: DemoSurvey, seed: number): Promise<void> {
  const { surveys } = services;
  const survey = await surveys.createSurvey(library.id, { title: spec.title, intro: spec.intro, closesOn: spec.closesOn }, library.leadId);
  for (const q of spec.questions) {
    await surveys.addQuestion(survey, q.type, {
      prompt: q.prompt,
      required: q.required ?? false,
      dots: q.dots ?? null,
      options: (q.options ?? []).map(([en, es]) => ({ en, es })),
    });
  }
  const questions = await surveys.questionsOf(survey.id);
  const random = seededRandom(seed);
  const responses: ImportedResponse[] = Array.from({ length: spec.responses }, () => {
    const locale: Locale = random() < spec.spanish ? 'es' : 'en';
    const paper = random() < 0.08;
    const answers: Record<string, AnswerValue> = {};
    questions.forEach((question, i) => {
      const value = answer(random, question, spec.questions[i]!, locale);
      if (value !== undefined) answers[question.id] = value;
    });
    return {
      channel: paper ? 'paper' : 'web',
      locale,
      answers,
      submittedAt: timeBetween(random, spec.openedOn, spec.answeredUntil ?? spec.closesOn ?? spec.openedOn),
      enteredBy: paper ? library.memberId : null,
    };
  });
  await surveys.importResponses(survey.id, responses);
  const openedAt = `${spec.openedOn}T15:00:00.000Z`;
  await surveys.setHistory(
    survey,
    spec.closesOn ? { status: 'closed', openedAt, closedAt: `${spec.closesOn}T23:00:00.000Z` } : { status: 'open', openedAt, closedAt: null },
  );
}

/**
 * Glenns Ferry's standing feedback survey about the finished makerspace, left
 * open so the demo has a survey patrons can answer today.
 */
const GLENNS_FERRY_FEEDBACK: DemoSurvey = {
  title: { en: 'How is the makerspace working for you?', es: '¿Qué le parece el espacio maker?' },
  intro: {
    en: 'The makerspace opened in the old VHS room. Two minutes of your time help us make it better.',
    es: 'El espacio maker abrió en el antiguo cuarto de las cintas VHS. Dos minutos de su tiempo nos ayudan a mejorarlo.',
  },
  openedOn: '2018-05-01',
  closesOn: null,
  answeredUntil: '2018-06-29',
  responses: 60,
  spanish: 0.3,
  questions: [
    {
      type: 'scale',
      required: true,
      prompt: { en: 'How much do you enjoy the makerspace?', es: '¿Cuánto disfruta del espacio maker?' },
    },
    {
      type: 'dots',
      dots: 3,
      prompt: { en: 'Place three dots on what we should add next', es: 'Ponga tres puntos en lo que deberíamos añadir' },
      options: [
        ['More sewing machines', 'Más máquinas de coser', 3],
        ['A laser cutter', 'Una cortadora láser', 5],
        ['Evening hours', 'Horario de tarde', 4],
        ['Classes for beginners', 'Clases para principiantes', 4],
      ],
    },
    {
      type: 'long',
      prompt: { en: 'What did you make here?', es: '¿Qué ha creado aquí?' },
      texts: {
        en: ['A birdhouse with my grandson.', 'My first 3D-printed keychain.', 'A quilt square for the community quilt.'],
        es: ['Una casita para pájaros con mi nieto.', 'Mi primer llavero impreso en 3D.', 'Un cuadro para la colcha de la comunidad.'],
      },
    },
  ],
};

/**
 * Demo data for the surveys part of the three demo journeys: one closed survey
 * each, with a few hundred responses, and Glenns Ferry's open feedback survey.
 */
export async function seedDemoSurveys(services: Services, context: JourneyContext): Promise<void> {
  await seedSurvey(services, context.glennsFerry, GLENNS_FERRY, 2016);
  await seedSurvey(services, context.madison, MADISON, 2017);
  await seedSurvey(services, context.ignacio, IGNACIO, 2018);
  await seedSurvey(services, context.glennsFerry, GLENNS_FERRY_FEEDBACK, 2019);
}
