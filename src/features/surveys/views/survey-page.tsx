import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { SummaryList } from '../../../ui/table';
import { Paragraphs } from '../../../ui/paragraphs';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import { effectiveStatus, type MissingTranslation, type Question, type Survey } from '../model';
import type { OpenRefusal } from '../service';
import { bilingualTitle, StatusTag } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

export interface SurveyPageProps {
  library: WorkspaceLibrary;
  survey: Survey;
  questions: Question[];
  missing: MissingTranslation[];
  responses: number;
  publicLink: string;
  today: string;
  comments: Comment[];
  /** Why opening was just refused, shown at the top. */
  refusal?: OpenRefusal;
}

/** The library and survey a survey page's links name. */
type SurveyIds = { library: string; survey: string };

/** The list of texts lacking a translation, each with a link to where it is fixed. */
function MissingList({ ids, missing }: { ids: SurveyIds; missing: MissingTranslation[] }) {
  const { t } = usePage();
  return (
    <ul>
      {missing.map((m, index) => {
        const language = t(`locale.${m.language}`);
        const link = m.questionId ? href(surveysRoutes.editQuestion, { ...ids, question: m.questionId }) : href(surveysRoutes.edit, ids);
        const what =
          m.part === 'title' || m.part === 'intro'
            ? t(`surveys.missing.${m.part}`, { language })
            : m.part === 'prompt'
              ? t('surveys.missing.prompt', { language, n: m.question ?? 0 })
              : t('surveys.missing.option', { language, n: m.question ?? 0, option: m.option ?? 0 });
        return (
          <li key={index}>
            <a href={link}>{what}</a>
          </li>
        );
      })}
    </ul>
  );
}

/** A question's texts in both languages, side by side. */
function QuestionTable({ question }: { question: Question }) {
  const { t } = usePage();
  const empty = <em>{t('surveys.missing.empty')}</em>;
  return (
    <div class="table-scroll">
      <table class="survey-question">
        <caption>{t('surveys.question.caption', { n: question.position, type: t(`surveys.type.${question.type}`) })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('locale.en')}</th>
            <th scope="col">{t('locale.es')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('surveys.question.prompt')}</th>
            <td>{question.prompt.en || empty}</td>
            <td>{question.prompt.es || empty}</td>
          </tr>
          {question.options.map((option, index) => (
            <tr key={option.id}>
              <th scope="row">{t('surveys.question.option', { n: index + 1 })}</th>
              <td>{option.en || empty}</td>
              <td>{option.es || empty}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Edit, delete and move buttons of a question of a draft survey. */
function QuestionActions({ ids, question, first, last }: { ids: SurveyIds; question: Question; first: boolean; last: boolean }) {
  const { t } = usePage();
  const n = question.position;
  return (
    <div class="actions">
      <a href={href(surveysRoutes.editQuestion, { ...ids, question: question.id })}>{t('surveys.question.editN', { n })}</a>
      <a href={href(surveysRoutes.deleteQuestion, { ...ids, question: question.id })}>{t('surveys.question.deleteN', { n })}</a>
      {(['up', 'down'] as const)
        .filter((direction) => (direction === 'up' ? !first : !last))
        .map((direction) => (
          <Form key={direction} action={href(surveysRoutes.moveQuestion, { ...ids, question: question.id })} class="inline-form" label={t(`surveys.question.move.${direction}`, { n })}>
            <input type="hidden" name="direction" value={direction} />
            <SubmitButton variant="secondary">{t(`surveys.question.move.${direction}`, { n })}</SubmitButton>
          </Form>
        ))}
    </div>
  );
}

/** A survey's details, links, translation warnings, questions and comments. */
export function SurveyPage(props: SurveyPageProps) {
  const { library, survey, questions, missing, responses, publicLink, today, refusal } = props;
  const { t, locale, timeZone, abilities } = usePage();
  const ids = { library: library.slug, survey: survey.id };
  const status = effectiveStatus(survey, today);
  const draft = survey.status === 'draft';
  return (
    <WorkspaceLayout library={library} section="surveys" title={bilingualTitle(survey.title) || t('surveys.untitled')}>
      {refusal && (
        <div class="error-summary" role="alert" aria-labelledby="open-refused" tabIndex={-1}>
          <h2 id="open-refused">{t('surveys.open.refused')}</h2>
          <p>{t(`surveys.open.${refusal}`)}</p>
          {refusal === 'translations' && <MissingList ids={ids} missing={missing} />}
        </div>
      )}
      <SummaryList
        items={[
          [t('surveys.column.status'), <StatusTag status={status} />],
          [t('surveys.detail.link'), <a href={publicLink}>{publicLink}</a>],
          [t('surveys.detail.code'), <code>{survey.code}</code>],
          [t('surveys.column.closesOn'), survey.closesOn ? formatDate(survey.closesOn, locale) : t('surveys.closesOn.none')],
          [t('surveys.column.responses'), formatNumber(responses, locale)],
          ...(survey.openedAt ? [[t('surveys.detail.openedAt'), formatDateTime(survey.openedAt, locale, timeZone)] as [string, string]] : []),
          ...(survey.closedAt ? [[t('surveys.detail.closedAt'), formatDateTime(survey.closedAt, locale, timeZone)] as [string, string]] : []),
        ]}
      />
      {(survey.intro.en || survey.intro.es) && (
        <div class="survey-intro">
          <h2>{t('surveys.detail.intro')}</h2>
          <div lang="en">
            <Paragraphs text={survey.intro.en} />
          </div>
          <div lang="es">
            <Paragraphs text={survey.intro.es} />
          </div>
        </div>
      )}
      {abilities.work && (
        <div class="actions">
          <a class="button button-secondary" href={href(surveysRoutes.edit, ids)}>
            {t('surveys.detail.editDetails')}
          </a>
          {status === 'open' ? (
            <Form action={href(surveysRoutes.close, ids)} class="inline-form" label={t('surveys.close')}>
              <SubmitButton variant="secondary">{t('surveys.close')}</SubmitButton>
            </Form>
          ) : (
            <Form action={href(surveysRoutes.open, ids)} class="inline-form" label={t('surveys.open')}>
              <SubmitButton>{draft ? t('surveys.open') : t('surveys.reopen')}</SubmitButton>
            </Form>
          )}
        </div>
      )}
      <h2>{t('surveys.detail.share')}</h2>
      <ul class="survey-links">
        <li><a href={href(surveysRoutes.qr, ids)}>{t('surveys.link.qr')}</a></li>
        <li><a href={href(surveysRoutes.poster, ids)}>{t('surveys.link.poster')}</a></li>
        <li><a href={href(surveysRoutes.paper, ids, { lang: 'en' })}>{t('surveys.link.paperEn')}</a></li>
        <li><a href={href(surveysRoutes.paper, ids, { lang: 'es' })}>{t('surveys.link.paperEs')}</a></li>
        {abilities.work && !draft && <li><a href={href(surveysRoutes.newPaper, ids)}>{t('surveys.link.paperEntry')}</a></li>}
        <li><a href={href(surveysRoutes.results, ids)}>{t('surveys.link.results')}</a></li>
      </ul>
      {missing.length > 0 && !refusal && (
        <section class="survey-warning" aria-labelledby="missing-title">
          <h2 id="missing-title">{t('surveys.missing.heading', { count: missing.length })}</h2>
          <p>{t('surveys.missing.lead')}</p>
          <MissingList ids={ids} missing={missing} />
        </section>
      )}
      <h2>{t('surveys.detail.questions')}</h2>
      {!draft && <p class="survey-locked">{t('surveys.locked.note')}</p>}
      {questions.length === 0 && <p class="empty">{t('surveys.detail.noQuestions')}</p>}
      {questions.map((question, index) => (
        <div class="survey-question-block" key={question.id}>
          <QuestionTable question={question} />
          <p class="hint">
            {question.required ? t('surveys.question.required') : t('surveys.question.optional')}
            {question.dots !== null && ` · ${t('surveys.question.dots', { dots: question.dots })}`}
          </p>
          {abilities.work && draft && <QuestionActions ids={ids} question={question} first={index === 0} last={index === questions.length - 1} />}
        </div>
      ))}
      {abilities.work && draft && (
        <p class="actions">
          <a class="button button-primary" href={href(surveysRoutes.newQuestion, ids)}>
            {t('surveys.question.add')}
          </a>
        </p>
      )}
      <CommentThread library={library} type="survey" id={survey.id} comments={props.comments} />
    </WorkspaceLayout>
  );
}
