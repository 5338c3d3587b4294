import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { scopedLibrary } from '../../server/library-scope';
import { emptyForm, withError, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { normaliseTheme, UnknownActivityError, type Insight } from './service';
import { activityFormValues, insightFormValues, readActivityForm, readInsightForm } from './schema';
import { discoverRoutes as paths } from './route-table';
import { activityPath, discoverPath, insightPath, insightsPath } from './urls';
import { OverviewPage } from './views/overview-page';
import { ActivityFormPage } from './views/activity-form-page';
import { ActivityPage } from './views/activity-page';
import { InsightsPage } from './views/insights-page';
import { InsightFormPage } from './views/insight-form-page';
import { InsightPage } from './views/insight-page';
import { ConfirmDeletePage } from './views/confirm-delete-page';

/** A query value as one string, or undefined. */
function queryText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Routes of the discover part of a library's workspace: activities and the insights drawn from them. */
export async function discoverRoutes(app: FastifyInstance) {
  const { discover, photos, workspace } = app.services;

  /** The activity named by `:activity` in this library, or a 404 (also for another library's). */
  async function activityFrom(request: FastifyRequest, id: string) {
    const library = scopedLibrary(request);
    const activity = await discover.getActivity(library.id, id);
    if (!activity) throw new HttpError(404);
    return { library, activity };
  }

  /** The insight named by `:insight` in this library, or a 404 (also for another library's). */
  async function insightFrom(request: FastifyRequest, id: string) {
    const library = scopedLibrary(request);
    const insight = await discover.getInsight(library.id, id);
    if (!insight) throw new HttpError(404);
    return { library, insight };
  }

  /**
   * Adds an insight from the posted form, or saves the changes to `insight`.
   * A bad form, or an activity deleted while the form was open, re-renders
   * the form with a 400 and the input kept.
   */
  async function saveInsight(request: FastifyRequest, reply: FastifyReply, insight?: Insight) {
    const library = scopedLibrary(request);
    const activities = await discover.activityChoices(library.id);
    const render = (form: FormState) =>
      reply.view(<InsightFormPage library={library} insight={insight} activities={activities} form={form} />, 400);
    const form = readInsightForm(request.body, request.t, activities.map((a) => a.id));
    if (!form.ok) return render(form);
    let id: string;
    try {
      if (insight) {
        if (!(await discover.updateInsight(library.id, insight.id, form.value))) throw new HttpError(404);
        id = insight.id;
      } else {
        id = (await discover.createInsight(library.id, form.value, request.actor?.id ?? null)).id;
      }
    } catch (error) {
      if (!(error instanceof UnknownActivityError)) throw error;
      return render(withError(form.values, 'activity', request.t('discover.error.activity')));
    }
    const message = insight ? 'discover.flash.insightSaved' : 'discover.flash.insightCreated';
    return reply.flash('success', request.t(message)).redirect(insightPath(library, id), 303);
  }

  addRoute(app, paths.overview, async (request, reply) => {
    const library = scopedLibrary(request);
    const [counts, activities, latest] = await Promise.all([
      discover.counts(library.id),
      discover.listActivities(library.id, pageNumber(queryText(request.query.page))),
      discover.latestInsights(library.id, 5),
    ]);
    return reply.view(
      <OverviewPage library={library} counts={counts} activities={activities} latest={latest} />,
    );
  });

  addRoute(app, paths.newActivity, async (request, reply) => {
    const library = scopedLibrary(request);
    return reply.view(<ActivityFormPage library={library} form={emptyForm({ kind: 'survey', participants: '0' })} />);
  });

  addRoute(app, paths.createActivity, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readActivityForm(request.body, request.t);
    if (!form.ok) return reply.view(<ActivityFormPage library={library} form={form} />, 400);
    const activity = await discover.createActivity(library.id, form.value, request.actor?.id ?? null);
    return reply
      .flash('success', request.t('discover.flash.activityCreated', { title: activity.title }))
      .redirect(activityPath(library, activity.id), 303);
  });

  addRoute(app, paths.activity, async (request, reply) => {
    const { library, activity } = await activityFrom(request, request.params.activity);
    const [insights, activityPhotos, comments] = await Promise.all([
      discover.listInsights(library.id, { activityId: activity.id }, 1),
      photos.listForSubject(library.id, 'activity', activity.id),
      workspace.listComments(library.id, 'activity', activity.id),
    ]);
    return reply.view(
      <ActivityPage
        library={library}
        activity={activity}
        insights={insights}
        photos={activityPhotos}
        comments={comments}
      />,
    );
  });

  addRoute(app, paths.editActivity, async (request, reply) => {
    const { library, activity } = await activityFrom(request, request.params.activity);
    return reply.view(<ActivityFormPage library={library} activity={activity} form={emptyForm(activityFormValues(activity))} />);
  });

  addRoute(app, paths.updateActivity, async (request, reply) => {
    const { library, activity } = await activityFrom(request, request.params.activity);
    const form = readActivityForm(request.body, request.t);
    if (!form.ok) return reply.view(<ActivityFormPage library={library} activity={activity} form={form} />, 400);
    if (!(await discover.updateActivity(library.id, activity.id, form.value))) throw new HttpError(404);
    return reply
      .flash('success', request.t('discover.flash.activitySaved', { title: form.value.title }))
      .redirect(activityPath(library, activity.id), 303);
  });

  addRoute(app, paths.deleteActivity, async (request, reply) => {
    const { library, activity } = await activityFrom(request, request.params.activity);
    const { t } = request;
    return reply.view(
      <ConfirmDeletePage
        library={library}
        title={t('discover.activity.deleteTitle', { title: activity.title })}
        body={t('discover.activity.deleteBody')}
        action={activityPath(library, activity.id, 'delete')}
        submit={t('discover.activity.delete')}
        cancel={activityPath(library, activity.id)}
      />,
    );
  });

  addRoute(app, paths.confirmDeleteActivity, async (request, reply) => {
    const { library, activity } = await activityFrom(request, request.params.activity);
    await discover.deleteActivity(library.id, activity.id);
    return reply
      .flash('success', request.t('discover.flash.activityDeleted', { title: activity.title }))
      .redirect(discoverPath(library), 303);
  });

  addRoute(app, paths.insights, async (request, reply) => {
    const library = scopedLibrary(request);
    const [themes, activities] = await Promise.all([discover.themesInUse(library.id), discover.activityChoices(library.id)]);
    // An unknown theme or activity (an old link, a forged id) filters nothing out rather than failing.
    const asked = queryText(request.query.theme);
    const theme = asked === undefined ? undefined : themes.find((th) => th === normaliseTheme(asked));
    const activity = activities.find((a) => a.id === queryText(request.query.activity))?.id;
    const result = await discover.listInsights(library.id, { theme, activityId: activity }, pageNumber(queryText(request.query.page)));
    return reply.view(
      <InsightsPage
        library={library}
        result={result}
        filter={{ theme, activity }}
        themes={themes}
        activities={activities}
      />,
    );
  });

  addRoute(app, paths.newInsight, async (request, reply) => {
    const library = scopedLibrary(request);
    const activities = await discover.activityChoices(library.id);
    const preselected = activities.find((a) => a.id === queryText(request.query.activity))?.id;
    return reply.view(<InsightFormPage library={library} activities={activities} form={emptyForm({ activity: preselected })} />);
  });

  addRoute(app, paths.createInsight, async (request, reply) => saveInsight(request, reply));

  addRoute(app, paths.insight, async (request, reply) => {
    const { library, insight } = await insightFrom(request, request.params.insight);
    const comments = await workspace.listComments(library.id, 'insight', insight.id);
    return reply.view(
      <InsightPage
        library={library}
        insight={insight}
        comments={comments}
      />,
    );
  });

  addRoute(app, paths.editInsight, async (request, reply) => {
    const { library, insight } = await insightFrom(request, request.params.insight);
    const activities = await discover.activityChoices(library.id);
    return reply.view(
      <InsightFormPage library={library} insight={insight} activities={activities} form={emptyForm(insightFormValues(insight))} />,
    );
  });

  addRoute(app, paths.updateInsight, async (request, reply) => {
    const { insight } = await insightFrom(request, request.params.insight);
    return saveInsight(request, reply, insight);
  });

  addRoute(app, paths.deleteInsight, async (request, reply) => {
    const { library, insight } = await insightFrom(request, request.params.insight);
    const { t } = request;
    return reply.view(
      <ConfirmDeletePage
        library={library}
        title={t('discover.insight.deleteTitle')}
        quote={insight.text}
        body={t('discover.insight.deleteBody')}
        action={insightPath(library, insight.id, 'delete')}
        submit={t('discover.insight.delete')}
        cancel={insightPath(library, insight.id)}
      />,
    );
  });

  addRoute(app, paths.confirmDeleteInsight, async (request, reply) => {
    const { library, insight } = await insightFrom(request, request.params.insight);
    await discover.deleteInsight(library.id, insight.id);
    return reply.flash('success', request.t('discover.flash.insightDeleted')).redirect(insightsPath(library), 303);
  });
}
