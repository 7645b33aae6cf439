/** What is shown in place of content that moderation hid (see platform/flags.ts). */
import { useUi } from '../context.js';

/** Props of HiddenContent: a moderator's reason, or none while the content waits for review. */
export interface HiddenContentProps {
  /** The reason a moderator gave; without one, the content is hidden pending review (reported too often). */
  reason?: string | null | undefined;
}

/**
 * A short notice in the content's place. The reason is the moderator's text, shown as text (escaped).
 * It says what happened, not who reported it.
 */
export function HiddenContent({ reason }: HiddenContentProps) {
  const { t } = useUi();
  return (
    <p class="hidden-content">{reason ? t('moderation.hiddenContent.byModerator', { reason }) : t('moderation.hiddenContent.pending')}</p>
  );
}
