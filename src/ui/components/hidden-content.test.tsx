import { describe, expect, it } from 'vitest';
import { HiddenContent } from './index.js';
import { renderWithUi } from './testing.js';

describe('HiddenContent', () => {
  it('shows the moderator’s reason as text', () => {
    const html = renderWithUi(<HiddenContent reason={'Spam <script>alert(1)</script>'} />);
    expect(html).toBe('<p class="hidden-content">This content was hidden by a moderator: Spam &lt;script>alert(1)&lt;/script></p>');
  });

  it('says the content waits for review when there is no reason, in the page’s language', () => {
    expect(renderWithUi(<HiddenContent />)).toContain('hidden pending review by a moderator');
    expect(renderWithUi(<HiddenContent reason={null} />, { locale: 'fr' })).toContain('masqué en attendant l’examen');
  });
});
