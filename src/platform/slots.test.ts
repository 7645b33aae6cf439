import Fastify from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { EcoopModule } from './module.js';
import { registerSlots } from './slots.js';

describe('slots', () => {
  it('collects every provider of a slot in module order, passes the props and drops nulls', async () => {
    const app = Fastify();
    app.decorate('db', {} as never);
    const seen: unknown[] = [];
    const modules: EcoopModule[] = [
      { name: 'a', slots: { 'service.page': async (_db, props) => (seen.push(props), h('p', null, `a:${props.slug}`)) } },
      { name: 'b' },
      { name: 'c', slots: { 'service.page': async () => null } },
      { name: 'd', slots: { 'service.page': async (_db, props) => h('p', null, `d:${props.serviceId}`) } },
    ];
    registerSlots(app, modules);
    const props = { serviceId: 3, slug: 'housing', organisationId: 1, locale: 'en' };
    const nodes = await app.slotContent('service.page', props);
    expect(nodes.map((n) => renderToString(n))).toEqual(['<p>a:housing</p>', '<p>d:3</p>']);
    expect(seen).toEqual([props]);
  });

  it('gives nothing for a slot nobody provides', async () => {
    const app = Fastify();
    app.decorate('db', {} as never);
    registerSlots(app, [{ name: 'a' }]);
    expect(await app.slotContent('service.page', { serviceId: 1, slug: 's', organisationId: 1, locale: 'en' })).toEqual([]);
  });
});
