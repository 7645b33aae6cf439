/**
 * Bringing an earlier version back, confirmed: what the page would become (the changes from the
 * latest version to that one, in the history's diff) and one button. The history links here rather
 * than holding a form per revision: nobody restores by a stray click, and the history stays light. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Button, CsrfField } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { WikiCrumbs } from './wiki-crumbs.js';
import type { LineDiffRow } from '../revision-diff.js';
import { DiffList } from './wiki-diff.page.js';

export interface WikiRestoreProps {
  page: { slug: string; title: string };
  revision: { id: number; createdAt: string; author: string | null };
  /** From the latest version to the one brought back. */
  rows: LineDiffRow[];
}

export function WikiRestorePage({ page, revision, rows }: WikiRestoreProps) {
  const { t, href, locale } = useUi();
  const date = formatDate(locale, revision.createdAt, 'datetime');
  return (
    <div class="prose">
      <WikiCrumbs page={page} history current={t('wiki.history.restore')} />
      <h1>{t('wiki.restore.confirm', { date })}</h1>
      <p class="lead">{t('wiki.restore.lead', { author: revision.author ?? t('wiki.history.deleted') })}</p>
      <h2>{t('wiki.restore.changes')}</h2>
      <DiffList rows={rows} />
      <form method="post" action={href(`/wiki/${page.slug}/restore`)}>
        <CsrfField />
        <input type="hidden" name="revision" value={String(revision.id)} />
        <Button>{t('wiki.history.restore')}</Button>
      </form>
      <p>
        <a href={href(`/wiki/${page.slug}/history`)}>{t('wiki.diff.back')}</a>
      </p>
    </div>
  );
}
