import { usePage } from '../../../ui/context';
import { Paragraphs } from '../../../ui/paragraphs';
import { translator, type Locale } from '../../../i18n';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { inLocale, SCALE_POINTS, type Question, type Survey } from '../model';
import { bilingualTitle } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

/** A link back to the survey, hidden when printing. */
function Back({ library, survey }: { library: WorkspaceLibrary; survey: Survey }) {
  const { t } = usePage();
  return (
    <p class="no-print">
      <a href={href(surveysRoutes.survey, { library: library.slug, survey: survey.id })}>{t('surveys.print.back')}</a> · {t('surveys.print.hint')}
    </p>
  );
}

/** A printable poster: the title in both languages, the QR code, the short link and an invitation. */
export function PosterPage({ library, survey, link }: { library: WorkspaceLibrary; survey: Survey; link: string }) {
  const { t } = usePage();
  const en = translator('en');
  const es = translator('es');
  const short = link.replace(/^https?:\/\//, '');
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveys.poster.title', { title: bilingualTitle(survey.title) })}>
      <Back library={library} survey={survey} />
      <div class="print-sheet survey-poster">
        <h2 lang="en">{survey.title.en}</h2>
        <p class="survey-poster-es" lang="es">
          {survey.title.es}
        </p>
        <img src={href(surveysRoutes.qr, { library: library.slug, survey: survey.id })} alt={t('surveys.poster.qrAlt', { link })} width={320} height={320} />
        <p class="survey-poster-link">{short}</p>
        <p lang="en">{en('surveys.poster.invite', { library: library.name })}</p>
        <p lang="es">{es('surveys.poster.invite', { library: library.name })}</p>
      </div>
    </WorkspaceLayout>
  );
}

/** How a patron marks a question on paper. */
function PaperQuestion({ question, language, n }: { question: Question; language: Locale; n: number }) {
  const t = translator(language);
  const marks = (shape: 'circle' | 'box') => (
    <ul class="paper-options">
      {question.options.map((option) => (
        <li key={option.id}>
          <span class={`paper-${shape}`} aria-hidden="true" /> {inLocale(option, language)}
        </li>
      ))}
    </ul>
  );
  return (
    <div class="paper-question">
      <h3>
        {n}. {inLocale(question.prompt, language)}
        {!question.required && <span class="optional"> {t('form.optional')}</span>}
      </h3>
      {question.type === 'single' && (
        <>
          <p class="hint">{t('surveys.paper.single')}</p>
          {marks('circle')}
        </>
      )}
      {question.type === 'multiple' && (
        <>
          <p class="hint">{t('surveys.answer.multipleHint')}</p>
          {marks('box')}
        </>
      )}
      {question.type === 'scale' && (
        <>
          <p class="hint">{t('surveys.answer.scaleHint')}</p>
          <ul class="paper-scale">
            {SCALE_POINTS.map((point) => (
              <li key={point}>
                <span class="paper-circle" aria-hidden="true" /> {point}
              </li>
            ))}
          </ul>
        </>
      )}
      {question.type === 'short' && <div class="paper-line" />}
      {question.type === 'long' && (
        <>
          <div class="paper-line" />
          <div class="paper-line" />
          <div class="paper-line" />
          <div class="paper-line" />
        </>
      )}
      {question.type === 'dots' && (
        <>
          <p class="hint">{t('surveys.paper.dots', { dots: question.dots ?? 0 })}</p>
          <ul class="paper-options">
            {question.options.map((option) => (
              <li key={option.id}>
                <span class="paper-dots" aria-hidden="true" /> {inLocale(option, language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A printable paper copy of the survey in one language, to mark by hand. */
export function PaperPage({ library, survey, questions, language }: { library: WorkspaceLibrary; survey: Survey; questions: Question[]; language: Locale }) {
  const { t } = usePage();
  const paper = translator(language);
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveys.paper.title', { title: bilingualTitle(survey.title), language: t(`locale.${language}`) })}>
      <Back library={library} survey={survey} />
      <div class="print-sheet survey-paper" lang={language}>
        <h2>{inLocale(survey.title, language)}</h2>
        <p>{library.name}</p>
        <Paragraphs text={inLocale(survey.intro, language)} />
        {questions.map((question, index) => (
          <PaperQuestion key={question.id} question={question} language={language} n={index + 1} />
        ))}
        <p class="paper-thanks">{paper('surveys.paper.thanks')}</p>
      </div>
    </WorkspaceLayout>
  );
}
