/**
 * The design system page (development only): the tokens (colours with their computed contrast,
 * type scale, spacing), the focus style, then every component live with when to use it. Engineers
 * check their work against it; the examples are themselves valid and accessible.
 */
import { formatNumber } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';
import { NotificationBanner, Table } from '../../../ui/components/index.js';
import { COLOUR_TOKENS, contrastRatio, requiredRatio, tokenValue } from '../../../ui/components/tokens.js';
import { ComponentSections } from './design-system.examples.js';
import type { DemoFormState } from './design-system.form.js';
import { DESIGN_SYSTEM_SECTIONS, Example, Section } from './design-system.section.js';

/** Props of DesignSystemPage. */
export interface DesignSystemPageProps {
  /** The page the pagination example shows (it works: its links come back here). */
  demoPage: number;
  /** The demo form's values and errors: a sample error state, or what was just submitted. */
  form: DemoFormState;
}

/** The whole page: introduction, contents, then one section per entry of DESIGN_SYSTEM_SECTIONS. */
export function DesignSystemPage({ demoPage, form }: DesignSystemPageProps) {
  const { t } = useUi();
  const confirmed = form.submitted && Object.keys(form.errors).length === 0;
  return (
    <>
      {/* A success banner goes at the top of the main content, where the user lands after posting. */}
      {confirmed ? (
        <NotificationBanner id="demo-success" type="success">
          <p>{t('designSystem.form.success')}</p>
        </NotificationBanner>
      ) : null}
      <div class="prose">
        <h1>{t('designSystem.title')}</h1>
        <p class="lead">{t('designSystem.lead')}</p>
        <p>{t('designSystem.howTo')}</p>
      </div>
      <nav aria-labelledby="ds-contents">
        <h2 id="ds-contents">{t('designSystem.contents')}</h2>
        <ul>
          {DESIGN_SYSTEM_SECTIONS.map((key) => (
            <li key={key}>
              <a href={`#ds-${key}`}>{t(`designSystem.${key}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Colours />
      <Typography />
      <Spacing />
      <Focus />
      <ComponentSections demoPage={demoPage} form={form} />
    </>
  );
}

/** Swatches with the token name, value and the computed contrast against the colour it is used with. */
function Colours() {
  const { t, locale } = useUi();
  return (
    <Section name="colours">
      <ul class="ds-swatches">
        {COLOUR_TOKENS.map((token) => {
          const ratio = contrastRatio(token.value, tokenValue(token.on));
          const pass = ratio >= requiredRatio(token.use);
          return (
            <li key={token.name}>
              {/* SVG fill, not an inline style: the CSP allows no inline styles. */}
              <svg class="ds-swatch" viewBox="0 0 10 1" preserveAspectRatio="none" width="100%" aria-hidden="true" focusable="false">
                <rect width="10" height="1" fill={token.value} />
              </svg>
              <p>
                <code>--color-{token.name}</code> <code>{token.value}</code>
              </p>
              <p>{t(`designSystem.colours.use.${token.name}` as 'designSystem.colours.use.text')}</p>
              <p>
                {t('designSystem.colours.ratio', {
                  ratio: formatNumber(locale, ratio, { maximumFractionDigits: 2 }),
                  partner: `--color-${token.on}`,
                  use: token.use,
                })}{' '}
                <strong>{pass ? t('designSystem.colours.pass') : t('designSystem.colours.fail')}</strong>
              </p>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

const TYPE_SCALE = [
  { token: 'text-xxl', use: 'h1' },
  { token: 'text-xl', use: 'h2' },
  { token: 'text-l', use: 'h3' },
  { token: 'text-m', use: 'body' },
  { token: 'text-s', use: 'small' },
] as const;

/** The type scale, each size shown in itself. */
function Typography() {
  const { t } = useUi();
  return (
    <Section name="typography">
      <Table
        id="ds-type-table"
        caption={t('designSystem.typography.caption')}
        rows={TYPE_SCALE}
        rowKey={(r) => r.token}
        columns={[
          { header: t('designSystem.tokenColumn'), rowHeader: true, cell: (r) => <code>--{r.token}</code> },
          { header: t('designSystem.typography.useColumn'), cell: (r) => t(`designSystem.typography.use.${r.use}`) },
          {
            header: t('designSystem.typography.sampleColumn'),
            cell: (r) => <span class={`ds-${r.token}`}>{t('designSystem.typography.sample')}</span>,
          },
        ]}
      />
    </Section>
  );
}

const SPACES = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** The spacing scale, with rem and px at the default text size, and a bar of that width. */
function Spacing() {
  const { t, locale } = useUi();
  return (
    <Section name="spacing">
      <Table
        id="ds-space-table"
        caption={t('designSystem.spacing.caption')}
        rows={SPACES.map((rem, i) => ({ step: i + 1, rem }))}
        rowKey={(r) => r.step}
        columns={[
          { header: t('designSystem.tokenColumn'), rowHeader: true, cell: (r) => <code>--space-{r.step}</code> },
          { header: t('designSystem.spacing.remColumn'), numeric: true, cell: (r) => formatNumber(locale, r.rem) },
          { header: t('designSystem.spacing.pxColumn'), numeric: true, cell: (r) => formatNumber(locale, r.rem * 16) },
          {
            header: t('designSystem.spacing.sampleColumn'),
            // A bar as wide as the step, drawn in SVG (the CSP allows no inline styles): 16 units = 1rem.
            cell: (r) => (
              <svg class="ds-space" viewBox="0 0 64 16" preserveAspectRatio="xMinYMid meet" aria-hidden="true" focusable="false">
                <rect width={r.rem * 16} height="16" />
              </svg>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** The focus indicator, shown statically and live (press Tab). */
function Focus() {
  const { t } = useUi();
  return (
    <Section name="focus">
      <p class="prose">{t('designSystem.focus.how')}</p>
      <Example>
        <p>
          <span class="focus-demo">{t('designSystem.focus.linkSample')}</span>
        </p>
        <p>
          <span class="button focus-demo">{t('designSystem.focus.buttonSample')}</span>
        </p>
        <p class="hint">{t('designSystem.focus.static')}</p>
      </Example>
    </Section>
  );
}
