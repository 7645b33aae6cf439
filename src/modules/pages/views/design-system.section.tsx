/** The frame of the design system page: its list of sections, a section, and an example box. */
import type { ComponentChildren } from 'preact';
import { useUi } from '../../../ui/context.js';

/** The page's sections in order; each has `designSystem.<key>.title` and `.intro` in the catalogs. */
export const DESIGN_SYSTEM_SECTIONS = [
  'colours',
  'typography',
  'spacing',
  'focus',
  'buttons',
  'forms',
  'errorSummary',
  'banners',
  'tables',
  'pagination',
  'breadcrumbs',
  'tags',
  'cards',
  'utilities',
] as const;

/** A section key of the page. */
export type DesignSystemSection = (typeof DESIGN_SYSTEM_SECTIONS)[number];

/** A documented section: heading (the contents links to it), when to use, then the examples. */
export function Section({ name, children }: { name: DesignSystemSection; children: ComponentChildren }) {
  const { t } = useUi();
  return (
    <section aria-labelledby={`ds-${name}`}>
      <h2 id={`ds-${name}`}>{t(`designSystem.${name}.title`)}</h2>
      <p class="prose">{t(`designSystem.${name}.intro`)}</p>
      {children}
    </section>
  );
}

/** A bordered box around a live example, so it reads apart from the documentation. */
export function Example({ children }: { children: ComponentChildren }) {
  return <div class="ds-example">{children}</div>;
}
