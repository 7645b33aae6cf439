/** The non-field components: error summary, banners, buttons, table, breadcrumbs, tags, cards, utilities. */
import { describe, expect, it } from 'vitest';
import {
  Breadcrumbs,
  Button,
  Card,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Table,
  Tag,
  TextInput,
  VisuallyHidden,
} from './index.js';
import { attributesOf, renderWithUi } from './testing.js';

describe('ErrorSummary', () => {
  it('renders nothing without errors', () => {
    expect(renderWithUi(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('is focusable for the island, announced, and links each error to its field', () => {
    const html = renderWithUi(
      <form>
        <ErrorSummary
          errors={[
            { fieldId: 'name', message: 'Enter your name' },
            { fieldId: 'contact', message: 'Select one' },
          ]}
        />
        <TextInput id="name" name="name" label="Name" error="Enter your name" />
        <Radios
          id="contact"
          name="contact"
          legend="How?"
          error="Select one"
          options={[
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ]}
        />
      </form>,
    );
    expect(html).toMatch(
      /<div class="error-summary" tabindex="-1" data-error-summary><div role="alert"><h2 class="error-summary__title">There is a problem<\/h2>/,
    );
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(['name', 'contact']);
    // Every target exists exactly once, and every id on the page is unique.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    for (const target of targets) expect(ids.filter((id) => id === target)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('can be rendered without taking focus (static examples), and escapes messages', () => {
    const html = renderWithUi(
      <ErrorSummary autoFocus={false} errors={[{ fieldId: 'x"><script>', message: '<script>alert(1)</script>' }]} />,
    );
    expect(html).not.toContain('data-error-summary');
    expect(html).not.toContain('<script');
    expect(html).toContain('href="#x&quot;>&lt;script>"');
  });
});

describe('NotificationBanner', () => {
  it('is a labelled region for information', () => {
    const html = renderWithUi(<NotificationBanner id="closed">Closed on Monday</NotificationBanner>);
    expect(attributesOf(html, 'closed')).toMatchObject({ role: 'region', 'aria-labelledby': 'closed-title', class: 'notice' });
    expect(html).toContain('<h2 class="notice__title" id="closed-title">Important</h2>');
  });

  it('is an alert that can take focus for success', () => {
    const html = renderWithUi(
      <NotificationBanner id="ok" type="success">
        Sent
      </NotificationBanner>,
      { locale: 'fr' },
    );
    expect(attributesOf(html, 'ok')).toMatchObject({ role: 'alert', tabindex: '-1', class: 'notice notice--success' });
    expect(html).toContain('>Succès</h2>');
  });
});

describe('Button', () => {
  it('is a submit button by default', () => {
    expect(renderWithUi(<Button>Save</Button>)).toBe('<button class="button" type="submit">Save</button>');
  });
  it('is a plain link with href, without a button role', () => {
    const html = renderWithUi(
      <Button href="/en/start?a=1&b=2" variant="secondary">
        Start
      </Button>,
    );
    expect(html).toBe('<a class="button button--secondary" href="/en/start?a=1&amp;b=2">Start</a>');
  });
  it('supports the warning variant and button types', () => {
    expect(
      renderWithUi(
        <Button variant="warning" type="button">
          Delete
        </Button>,
      ),
    ).toBe('<button class="button button--warning" type="button">Delete</button>');
  });
});

describe('Table', () => {
  const rows = [
    { name: 'Mont-Rivel', visits: 1200 },
    { name: '<b>Les Ormeaux</b>', visits: 92 },
  ];
  const html = renderWithUi(
    <Table
      id="visits"
      caption="Visits"
      rows={rows}
      rowKey={(r) => r.name}
      columns={[
        { header: 'Place', rowHeader: true, cell: (r) => r.name },
        { header: 'Visits', numeric: true, cell: (r) => String(r.visits) },
      ]}
    />,
  );

  it('scrolls in a focusable region named by the caption', () => {
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-labelledby="visits-caption" tabindex="0">/);
    expect(html).toContain('<caption id="visits-caption">Visits</caption>');
  });
  it('has column headers, row headers and right-aligned numbers', () => {
    expect(html).toContain('<th scope="col">Place</th><th scope="col" class="data-table__num">Visits</th>');
    expect(html).toContain('<th scope="row">Mont-Rivel</th><td class="data-table__num">1200</td>');
    expect(html).toContain('&lt;b>Les Ormeaux&lt;/b>');
  });
});

describe('Breadcrumbs', () => {
  it('is a labelled nav with an ordered list; the last item is the current page', () => {
    const html = renderWithUi(
      <Breadcrumbs items={[{ label: 'Home', href: '/en/' }, { label: 'Services', href: '/en/services' }, { label: 'Housing' }]} />,
    );
    expect(html).toMatch(/^<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>/);
    expect(html).toContain('<li><a href="/en/services">Services</a></li>');
    expect(html).toContain('<li><span aria-current="page">Housing</span></li>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });
  it('renders nothing without items', () => {
    expect(renderWithUi(<Breadcrumbs items={[]} />)).toBe('');
  });
});

describe('small components', () => {
  it('Tag states with a tone class', () => {
    expect(renderWithUi(<Tag>Housing</Tag>)).toBe('<strong class="tag">Housing</strong>');
    expect(renderWithUi(<Tag tone="success">Published</Tag>)).toBe('<strong class="tag tag--success">Published</strong>');
  });
  it('Card uses the heading level it is given and links its title', () => {
    const html = renderWithUi(
      <Card title="Housing" headingLevel={2} href="/en/sectors/housing" meta="7 e-services">
        <p>Body</p>
      </Card>,
    );
    expect(html).toBe(
      '<li class="card"><h2 class="card__title"><a href="/en/sectors/housing">Housing</a></h2><p class="card__meta">7 e-services</p><p>Body</p></li>',
    );
    expect(renderWithUi(<Card title="Plain" as="div" />)).toBe('<div class="card"><h3 class="card__title">Plain</h3></div>');
  });
  it('CsrfField carries the request token', () => {
    expect(renderWithUi(<CsrfField />)).toBe('<input type="hidden" name="_csrf" value="test-csrf-token"/>');
  });
  it('VisuallyHidden wraps its text', () => {
    expect(renderWithUi(<VisuallyHidden>page</VisuallyHidden>)).toBe('<span class="visually-hidden">page</span>');
  });
});
