/** The accessibility statement, after the EU model (Implementing Decision 2018/1523). */
import { useUi } from '../../../ui/context.js';
import { SITE_CONTACTS } from '../site-info.js';
import { Statement } from './statement.js';

export function AccessibilityPage() {
  const { t } = useUi();
  return (
    <Statement
      prefix="accessibility"
      sections={['status', 'nonAccessible', 'alternatives', 'features', 'preparation', 'feedback', 'enforcement']}
      extra={{ nonAccessible: 'outOfScope' }}
      values={{ territory: t('meta.territory'), email: SITE_CONTACTS.accessibility }}
    />
  );
}
