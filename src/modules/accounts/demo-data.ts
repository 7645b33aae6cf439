/** One demo account per role. The password is public: demo data is for trying E-COOP, never production. */
import type { Role } from './roles.js';

export const DEMO_PASSWORD = 'vallee-verte-demo';

/**
 * The two-factor secret (base32) of every privileged demo account (mediator, official, moderator,
 * admin), which need 2FA for their roles to be in effect. Public like the password: add it to an
 * authenticator app to sign in as them. Never use it for a real account.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  locale: 'en' | 'fr';
  role: Role;
  /** The place (mediator) or organisation (official) the role applies to, by slug. */
  scope?: { type: 'place' | 'organisation'; slug: string };
}[] = [
  { email: 'citizen@demo.ecoop.example', displayName: 'Jeanne Martin', locale: 'fr', role: 'citizen' },
  { email: 'helper@demo.ecoop.example', displayName: 'Karim Benali', locale: 'fr', role: 'helper' },
  {
    email: 'mediator@demo.ecoop.example',
    displayName: 'Sophie Lambert',
    locale: 'fr',
    role: 'mediator',
    scope: { type: 'place', slug: 'mediatheque-saint-aubin' },
  },
  {
    email: 'official@demo.ecoop.example',
    displayName: 'Thomas Girard',
    locale: 'en',
    role: 'official',
    scope: { type: 'organisation', slug: 'family-allowance-office' },
  },
  { email: 'moderator@demo.ecoop.example', displayName: 'Amina Diallo', locale: 'en', role: 'moderator' },
  { email: 'admin@demo.ecoop.example', displayName: 'E-COOP Admin', locale: 'en', role: 'admin' },
];
