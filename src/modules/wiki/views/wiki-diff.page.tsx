/**
 * What changed between two revisions of a page, line by line with the words that changed: removed
 * text struck through (`<del>`), added text underlined (`<ins>`), each also announced in words
 * ("Removed:", "Added:") so no one depends on colour or on how a screen reader treats those
 * elements. Runs of unchanged lines are folded into a count. Pure.
 */
import { formatDate, formatNumber } from '../../../platform/i18n.js';
import type { ContentModeration } from '../../../platform/flags.js';
import { HiddenContent, VisuallyHidden } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { WikiCrumbs } from './wiki-crumbs.js';
import type { DiffPart, LineDiffRow } from '../revision-diff.js';

export interface WikiDiffProps {
  page: { slug: string; title: string };
  from: { id: number; title: string; createdAt: string };
  to: { id: number; title: string; createdAt: string };
  rows: LineDiffRow[];
  /** Moderation hid one of the two revisions: its reason is shown instead of the changes. */
  hidden?: ContentModeration | undefined;
}

function Parts({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' }) {
  const { t } = useUi();
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : side === 'before' && p.op === 'delete' ? (
          <del key={i}>
            <VisuallyHidden>{`${t('wiki.diff.removed')} `}</VisuallyHidden>
            {p.text}
          </del>
        ) : side === 'after' && p.op === 'insert' ? (
          <ins key={i}>
            <VisuallyHidden>{`${t('wiki.diff.added')} `}</VisuallyHidden>
            {p.text}
          </ins>
        ) : null,
      )}
    </>
  );
}

type Block = { kind: 'same'; count: number } | { kind: 'change'; row: LineDiffRow };

/** Consecutive unchanged lines become one block, shown as a count. */
function blocks(rows: readonly LineDiffRow[]): Block[] {
  const out: Block[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (row.kind === 'same') {
      if (last?.kind === 'same') last.count += 1;
      else out.push({ kind: 'same', count: 1 });
    } else out.push({ kind: 'change', row });
  }
  return out;
}

/** The changed lines with their words, and the counts of unchanged ones between them (also the review page's). */
export function DiffList({ rows }: { rows: LineDiffRow[] }) {
  const { t, locale } = useUi();
  if (!rows.some((r) => r.kind !== 'same')) return <p>{t('wiki.diff.none')}</p>;
  return (
    <ol class="wiki-diff">
      {blocks(rows).map((b, i) =>
        b.kind === 'same' ? (
          <li key={i} class="wiki-diff__same">
            {t('wiki.diff.unchanged', { count: b.count, n: formatNumber(locale, b.count) })}
          </li>
        ) : (
          <li key={i}>
            <p class="card__meta">{t('wiki.diff.line', { number: b.row.lineAfter ?? b.row.lineBefore ?? 0 })}</p>
            {b.row.before ? (
              <p class="wiki-diff__before">
                <Parts parts={b.row.before} side="before" />
              </p>
            ) : null}
            {b.row.after ? (
              <p class="wiki-diff__after">
                <Parts parts={b.row.after} side="after" />
              </p>
            ) : null}
          </li>
        ),
      )}
    </ol>
  );
}

export function WikiDiffPage({ page, from, to, rows, hidden }: WikiDiffProps) {
  const { t, href, locale } = useUi();
  return (
    <div class="prose">
      <WikiCrumbs page={page} history current={t('wiki.history.changes')} />
      <h1>{t('wiki.diff.title', { title: page.title })}</h1>
      <p class="lead">
        {t('wiki.diff.lead', { from: formatDate(locale, from.createdAt, 'datetime'), to: formatDate(locale, to.createdAt, 'datetime') })}
      </p>
      {from.title !== to.title ? <p>{t('wiki.diff.titleChanged', { from: from.title, to: to.title })}</p> : null}
      {hidden ? <HiddenContent reason={hidden.reason} /> : <DiffList rows={rows} />}
      <p>
        <a href={href(`/wiki/${page.slug}/history`)}>{t('wiki.diff.back')}</a>
      </p>
    </div>
  );
}
