/**
 * Slots: places in one module's pages where other modules contribute a section, without the page's
 * module importing them (the catalogue's service page shows the co-assessment results, say). A module
 * declares `slots: { 'service.page': provider }` in its manifest; the page calls
 * `app.slotContent('service.page', props)` and renders what comes back, in module order.
 *
 * A provider loads what it needs (a bounded number of queries) and returns a VNode, or null to show
 * nothing. The VNode is rendered with the page: inside a shared body (sendSharedPage) it renders as
 * nobody in particular, so it must not depend on the viewer or hold a form with a CSRF token.
 */
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/database.js';
import type { EcoopModule } from './module.js';

/** The slots pages offer, with the props each passes to its providers. */
export interface SlotProps {
  /** A published e-service's page (catalogue), after its own sections. */
  'service.page': { serviceId: number; slug: string; organisationId: number; locale: string };
  /**
   * The site-wide search page (catalogue, `/search?q=`), after the e-services found for `q`: other
   * content found for the same words, in the reader's `locale`. A provider returns null when it
   * found nothing; the page counts a search as found nothing only when every provider did too.
   */
  'catalogue.search': { q: string; locale: string };
}
export type SlotName = keyof SlotProps;

export type SlotProvider<N extends SlotName> = (db: Db, props: SlotProps[N]) => Promise<VNode | null>;

export type SlotProviders = { [N in SlotName]?: SlotProvider<N> };

/** Decorates the app with `slotContent`, which asks every module providing a slot, in module order. */
export function registerSlots(app: FastifyInstance, modules: readonly EcoopModule[]): void {
  const providers = new Map<SlotName, SlotProvider<any>[]>();
  for (const m of modules) {
    for (const [name, provider] of Object.entries(m.slots ?? {}) as [SlotName, SlotProvider<any>][]) {
      providers.set(name, [...(providers.get(name) ?? []), provider]);
    }
  }
  app.decorate('slotContent', async <N extends SlotName>(name: N, props: SlotProps[N]): Promise<VNode[]> => {
    const list = providers.get(name) ?? [];
    const nodes = await Promise.all(list.map((p) => p(app.db, props)));
    return nodes.filter((n): n is VNode => n !== null);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The sections other modules contribute to a page's slot (see platform/slots.ts). */
    slotContent<N extends SlotName>(name: N, props: SlotProps[N]): Promise<VNode[]>;
  }
}
