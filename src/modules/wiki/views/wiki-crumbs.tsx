/** The wiki's breadcrumbs: its front page, then the page (and its history) a screen is about. Pure. */
import { Breadcrumbs } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';

export function WikiCrumbs({
  page,
  history = false,
  current,
}: {
  page?: { slug: string; title: string };
  history?: boolean;
  current: string;
}) {
  const { t, href } = useUi();
  return (
    <Breadcrumbs
      items={[
        { label: t('wiki.index.title'), href: href('/wiki') },
        ...(page ? [{ label: page.title, href: href(`/wiki/${page.slug}`) }] : []),
        ...(page && history ? [{ label: t('wiki.page.history'), href: href(`/wiki/${page.slug}/history`) }] : []),
        { label: current },
      ]}
    />
  );
}
