/** The terms of use (versioned: the accounts module asks users to accept a new version). */
import { useUi } from '../../../ui/context.js';
import { SITE_CONTACTS } from '../site-info.js';
import { Statement } from './statement.js';

export function TermsPage() {
  const { t } = useUi();
  return (
    <Statement
      prefix="terms"
      sections={['purpose', 'account', 'contributions', 'licence', 'changes', 'contact']}
      values={{ territory: t('meta.territory'), email: SITE_CONTACTS.general }}
    />
  );
}
