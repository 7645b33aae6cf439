/**
 * "Watch this page" / "Stop watching" on a wiki page. The page is a shared body (the same for every
 * reader), so the button sits in a `Hole` that the route fills per reader (platform/render.tsx):
 * a form with the reader's CSRF token when signed in, a sign-in link otherwise. Pure.
 */
import { Hole } from '../../../platform/shared-page.js';
import { Button, CsrfField } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';

/** The name of the button's hole in the page's shared body. */
export const WATCH_HOLE = 'wiki-watch';

/** Where the button goes in the page (filled per reader). */
export function WatchButtonHole() {
  return <Hole name={WATCH_HOLE} />;
}

/** Where the reader stands with the page: everything the button depends on (the hole's key). */
export type WatchState = 'signedOut' | 'watching' | 'notWatching';

export interface WatchButtonProps {
  slug: string;
  state: WatchState;
}

export function WatchButton({ slug, state }: WatchButtonProps) {
  const { t, href } = useUi();
  const page = href(`/wiki/${slug}`);
  if (state === 'signedOut') {
    return (
      <p class="wiki-watch">
        <a href={`${href('/sign-in')}?next=${encodeURIComponent(page)}`}>{t('wiki.watch.signIn')}</a>
      </p>
    );
  }
  const watching = state === 'watching';
  return (
    <form method="post" action={`${page}/${watching ? 'unwatch' : 'watch'}`} class="wiki-watch">
      <CsrfField />
      <p class="field__hint">{t(watching ? 'wiki.watch.watching' : 'wiki.watch.hint')}</p>
      <Button variant="secondary">{t(watching ? 'wiki.watch.unwatch' : 'wiki.watch.watch')}</Button>
    </form>
  );
}
