import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import type { Translate } from '../../../i18n';
import type { SessionSummary } from '../service';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/**
 * A short, readable name for a browser from its user-agent string, such as
 * "Firefox on Linux". Anything unrecognised is shown shortened as it came.
 */
export function describeDevice(userAgent: string, t: Translate): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return t('accounts.sessions.device', { browser, system });
  const raw = userAgent.trim();
  if (!raw) return t('accounts.sessions.unknownDevice');
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}

/** A person's signed-in sessions, with a way to end any of the others. */
export function SessionsPage({ sessions }: { sessions: SessionSummary[] }) {
  const { t, locale, timeZone } = usePage();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Layout title={t('accounts.sessions.title')}>
      <PageHeading title={t('accounts.sessions.title')} lead={t('accounts.sessions.lead')} />
      <Table
        caption={t('accounts.sessions.caption', { timeZone })}
        rowKey={(s) => s.id}
        rows={sessions}
        empty={t('accounts.sessions.empty')}
        columns={[
          {
            header: t('accounts.sessions.col.device'),
            cell: (s) => (
              <>
                {describeDevice(s.userAgent, t)}
                {s.current && (
                  <>
                    {' '}
                    <span class="tag">{t('accounts.sessions.thisDevice')}</span>
                  </>
                )}
              </>
            ),
          },
          { header: t('accounts.sessions.col.address'), cell: (s) => s.ipAddress },
          { header: t('accounts.sessions.col.signedIn'), cell: (s) => formatDateTime(s.createdAt, locale, timeZone) },
          { header: t('accounts.sessions.col.lastActive'), cell: (s) => formatDateTime(s.lastSeenAt, locale, timeZone) },
          {
            header: t('accounts.sessions.col.action'),
            cell: (s) =>
              s.current ? (
                t('accounts.sessions.current')
              ) : (
                <Form
                  action={href(accountsRoutes.revokeSession)}
                  class="inline-form"
                  label={t('accounts.sessions.revokeLabel', { device: describeDevice(s.userAgent, t), address: s.ipAddress })}
                >
                  <input type="hidden" name="session" value={s.id} />
                  <button type="submit" class="button button-secondary">
                    {t('accounts.sessions.revoke')}
                  </button>
                </Form>
              ),
          },
        ]}
      />
      {others > 0 && (
        <Form action={href(accountsRoutes.revokeOtherSessions)} label={t('accounts.sessions.revokeOthers')}>
          <button type="submit" class="button button-danger">
            {t('accounts.sessions.revokeOthers')}
          </button>
        </Form>
      )}
      <p>
        <a href={href(accountsRoutes.account)}>{t('accounts.account.back')}</a>
      </p>
    </Layout>
  );
}
