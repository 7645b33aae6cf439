/** A service's status as a tag: the word carries the meaning, the colour reinforces it. */
import { Tag, type TagTone } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { ServiceStatus } from '../../services.model.js';

const TONE: Record<ServiceStatus, TagTone> = { draft: 'neutral', published: 'success', withdrawn: 'error' };

export function StatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useUi();
  return <Tag tone={TONE[status]}>{t(`serviceEditor.status.${status}`)}</Tag>;
}
