/**
 * Pieces the problem report pages share: the status tag and the public timeline. A timeline names
 * officials by their organisation and the reporter as "the person who reported it": never a name
 * or an email address. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Tag, type TagTone } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { ProblemEventKind, ProblemStatus } from '../assessment.model.js';

const TONE: Record<ProblemStatus, TagTone> = {
  open: 'default',
  acknowledged: 'default',
  in_progress: 'default',
  fixed: 'success',
  wont_fix: 'error',
  duplicate: 'neutral',
};

/** A report's status as a tag: the word carries the meaning, the colour reinforces it. */
export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useUi();
  return <Tag tone={TONE[status]}>{t(`problems.status.${status}`)}</Tag>;
}

/** One entry of a report's timeline, as listProblemEvents returns it. */
export interface ProblemEvent {
  id: number;
  kind: ProblemEventKind;
  status_to: ProblemStatus | null;
  note: string | null;
  created_at: string;
}

/** The public timeline, oldest first, as an ordered list. */
export function ProblemTimeline({
  events,
  organisationName,
  headingId,
}: {
  events: readonly ProblemEvent[];
  organisationName: string;
  headingId: string;
}) {
  const { t, href, locale } = useUi();
  return (
    <ol class="timeline" aria-labelledby={headingId}>
      {events.map((e) => {
        const byReporter = e.kind === 'created' || e.kind === 'reopened';
        const source = e.kind === 'merged' && e.note && /^\d+$/.test(e.note) ? Number(e.note) : null;
        return (
          <li key={e.id} class="timeline__item">
            <p>
              <strong>
                {e.kind === 'status' && e.status_to
                  ? t('problems.report.event.status', { status: t(`problems.status.${e.status_to}`) })
                  : e.kind === 'merged'
                    ? t('problems.report.event.merged', { source: source ?? '' })
                    : t(`problems.report.event.${e.kind}`)}
              </strong>
            </p>
            <p class="hint">
              <time dateTime={e.created_at}>{formatDate(locale, e.created_at, 'datetime')}</time>
              {' · '}
              {byReporter ? t('problems.report.byReporter') : t('problems.report.byOrganisation', { organisation: organisationName })}
            </p>
            {source !== null ? (
              <p>
                <a href={href(`/problems/${source}`)}>{t('problems.report.reportLink', { id: source })}</a>
              </p>
            ) : e.note ? (
              <Paragraphs text={e.note} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Whole days between two ISO times (0 on the same day). */
export const daysBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 86_400_000));

/** Text someone typed, one paragraph per non-empty line (escaped by Preact like any text). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </>
  );
}
