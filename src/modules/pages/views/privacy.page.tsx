/** The privacy notice (GDPR articles 13 and 14). */
import { useUi } from '../../../ui/context.js';
import { SITE_CONTACTS } from '../site-info.js';
import { Statement } from './statement.js';

export function PrivacyPage() {
  const { t } = useUi();
  return (
    <Statement
      prefix="privacy"
      sections={['controller', 'visitors', 'cookies', 'account', 'retention', 'rights', 'anonymous']}
      values={{ territory: t('meta.territory'), email: SITE_CONTACTS.dataProtection }}
    />
  );
}
