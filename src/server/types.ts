import type { Actor, Action } from '../policy';
import type { Locale, Translate } from '../i18n';
import type { Services } from './services';
import type { Config } from './config';
import type { Database } from '../db/connection';
import type { VNode } from 'preact';
import type { Flash } from '../ui/context';
import type { PendingSignIn } from '../features/accounts/service';

/** A library loaded by the access check for routes with a `:library` parameter. */
export interface RequestLibrary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** One registered route and the action it requires, for the authorization matrix. */
export interface RouteEntry {
  method: string;
  url: string;
  can: Action;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route requires. Every route must declare one. */
    can?: Action;
    /** Part of setting up two-step sign-in, so open to a person who must set it up before anything else. */
    twoFactorSetup?: boolean;
  }
  interface FastifyInstance {
    services: Services;
    config: Config;
    database: Database;
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** A sign-in whose password was right, waiting for its second step; it signs nobody in. */
    pendingSignIn: PendingSignIn | null;
    /** True when the person's role must use two-step sign-in and they have not set it up yet. */
    twoFactorSetupDue: boolean;
    locale: Locale;
    t: Translate;
    library: RequestLibrary | undefined;
  }
  interface FastifyReply {
    /** Renders a page component inside the page context and sends it as HTML. */
    view(page: VNode, status?: number): FastifyReply;
    /** Queues a one-time message for the next page shown. */
    flash(kind: Flash['kind'], message: string): FastifyReply;
  }
}
