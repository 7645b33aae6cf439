/** Form fields: labels, hints and errors wired for assistive technology; values kept and escaped. */
import { describe, expect, it } from 'vitest';
import { Checkboxes, Radios, Select, TextInput, Textarea } from './index.js';
import { attributesOf, renderWithUi } from './testing.js';

const HOSTILE = '"><script>alert(1)</script>';

describe('TextInput', () => {
  it('labels the input and adds no ARIA it does not need', () => {
    const html = renderWithUi(<TextInput id="name" name="name" label="Full name" />);
    expect(html).toContain('<label class="field__label" for="name">Full name</label>');
    const input = attributesOf(html, 'name');
    expect(input['aria-describedby']).toBeUndefined();
    expect(input['aria-invalid']).toBeUndefined();
    expect(input.value).toBe('');
  });

  it('ties hint and error to the input, in that order, and marks it invalid', () => {
    const html = renderWithUi(
      <TextInput id="email" name="email" label="Email" hint="We reply here" error="Enter your email" value="a@b" />,
    );
    const input = attributesOf(html, 'email');
    expect(input['aria-describedby']).toBe('email-hint email-error');
    expect(input['aria-invalid']).toBe('true');
    expect(input.value).toBe('a@b');
    expect(attributesOf(html, 'email-hint').class).toBe('field__hint');
    expect(html).toMatch(/<p id="email-error" class="field__error"><span class="visually-hidden">Error:<\/span> Enter your email<\/p>/);
    expect(html).toContain('class="field field--error"');
    // The error message comes before the control, so it is read before typing.
    expect(html.indexOf('email-error')).toBeLessThan(html.indexOf('<input'));
  });

  it('describes by the error alone when there is no hint', () => {
    const html = renderWithUi(<TextInput id="n" name="n" label="Name" error="Enter your name" />);
    expect(attributesOf(html, 'n')['aria-describedby']).toBe('n-error');
  });

  it('keeps a hostile submitted value, escaped', () => {
    const html = renderWithUi(<TextInput id="q" name="q" label="Search" value={HOSTILE} error={HOSTILE} hint={HOSTILE} />);
    expect(html).not.toContain('<script');
    expect(html).toContain('value="&quot;>&lt;script>alert(1)&lt;/script>"');
  });

  it('says "(optional)" and the error prefix in the page language', () => {
    const html = renderWithUi(<TextInput id="p" name="p" label="Code postal" optional error="Indiquez un code" />, { locale: 'fr' });
    expect(html).toContain('Code postal (facultatif)');
    expect(html).toContain('<span class="visually-hidden">Erreur :</span> Indiquez un code');
  });
});

describe('Textarea', () => {
  it('keeps the value as escaped text, including a leading newline', () => {
    const html = renderWithUi(<Textarea id="m" name="m" label="Message" value={`\n${HOSTILE}`} error="Too long" />);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<textarea[^>]*>\n\n&quot;>&lt;script>/);
    const ta = attributesOf(html, 'm');
    expect(ta['aria-describedby']).toBe('m-error');
    expect(ta['aria-invalid']).toBe('true');
  });
});

describe('Select', () => {
  it('selects the submitted value and offers an empty first option', () => {
    const html = renderWithUi(
      <Select
        id="c"
        name="c"
        label="Municipality"
        placeholder="Choose"
        value="b"
        hint="Where you live"
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
      />,
    );
    expect(html).toContain('<option value>Choose</option><option value="a">A</option><option value="b" selected>B</option>');
    expect(attributesOf(html, 'c')['aria-describedby']).toBe('c-hint');
  });
});

describe('Radios and Checkboxes', () => {
  const options = [
    { value: 'email', label: 'Email' },
    { value: 'phone', label: 'Phone', hint: 'Weekdays' },
    { value: 'post', label: 'Post' },
  ];

  it('groups the radios in a fieldset described by hint and error; the first radio takes the id', () => {
    const html = renderWithUi(
      <Radios id="contact" name="contact" legend="How?" hint="Pick one" error="Select one" value="phone" options={options} />,
    );
    expect(html).toMatch(
      /<fieldset class="choices" aria-describedby="contact-hint contact-error"><legend class="choices__legend">How\?<\/legend>/,
    );
    expect(attributesOf(html, 'contact')).toMatchObject({ type: 'radio', name: 'contact', value: 'email', 'aria-invalid': 'true' });
    expect(attributesOf(html, 'contact-2')).toMatchObject({ value: 'phone', checked: '', 'aria-describedby': 'contact-2-item-hint' });
    expect(attributesOf(html, 'contact-3').checked).toBeUndefined();
    expect(html).toContain('<label for="contact-3">Post</label>');
    expect(html).toContain('<div id="contact-2-item-hint" class="choice__hint">Weekdays</div>');
  });

  it('keeps every submitted checkbox checked and nothing else', () => {
    const html = renderWithUi(<Checkboxes id="t" name="topics" legend="About" values={['email', 'post']} options={options} />);
    expect(attributesOf(html, 't').checked).toBe('');
    expect(attributesOf(html, 't-2').checked).toBeUndefined();
    expect(attributesOf(html, 't-3').checked).toBe('');
    expect(attributesOf(html, 't')['aria-invalid']).toBeUndefined();
    expect(html).toContain('<fieldset class="choices">');
  });

  it('escapes hostile option values and labels', () => {
    const html = renderWithUi(<Radios id="r" name="r" legend={HOSTILE} value={HOSTILE} options={[{ value: HOSTILE, label: HOSTILE }]} />);
    expect(html).not.toContain('<script');
    expect(attributesOf(html, 'r').checked).toBe('');
  });
});
