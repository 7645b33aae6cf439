/**
 * Contact addresses shown on the statutory pages. A territory deploying E-COOP sets its own here
 * (they are content, not secrets, and they change with the statement's text, not per environment).
 */
export const SITE_CONTACTS = {
  accessibility: 'accessibilite@vallee-verte.example',
  dataProtection: 'dpo@vallee-verte.example',
  general: 'contact@vallee-verte.example',
} as const;
