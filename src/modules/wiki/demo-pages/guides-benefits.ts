/** Demo guides on family and housing benefits: housing benefit, the family allowance account, a birth. */
import type { DemoWikiPage } from './demo-page.js';
import { MISSING_TITLES, TITLES } from './titles.js';

const housing: DemoWikiPage = {
  type: 'guide',
  category: 'housing-and-building',
  author: 'helper',
  en: {
    title: TITLES.housing.en,
    summary: 'First version of the guide',
    body: `Housing benefit lowers your rent every month if your income is modest. You can apply online in about twenty minutes, from a computer or a smartphone. This guide takes you through it step by step.

# Before you start

Have your documents at hand: you will need them during the form.

# Steps

1. Open the service [[service:housing-allowance]] and press **Apply online**.
2. Sign in to your family allowance office account. No account yet? Follow [[${TITLES.familyAccount.en}]] first.
3. Fill in your address and the date you moved in.
4. Enter your rent **including** the service charges.
5. Add the people who live with you and their income.
6. Check the summary page, then press **Send my application**.
7. Write down the application number shown at the end, or take a photo of the screen.

The office may ask for a document later: see [[${TITLES.pdf.en}]] to send it from your phone.

# If something goes wrong

- **The page will not load**: wait a few minutes and try again. Your answers are saved at each step.
- **You do not know your landlord's details**: they are on your tenancy agreement or your rent receipts.
- **The form says your income is missing**: the office uses your tax return; if you did not file one, say so in the form.

# Where to get help

- The digital mediators of the [Médiathèque Jean-Rostand](/en/places/mediatheque-saint-aubin) can fill in the form with you, Tuesday to Saturday.
- To find the Digital Public Space closest to you, see [[${MISSING_TITLES.findPlace.en}]].
- By phone: the family allowance office answers Monday to Friday, 9 am to 4.30 pm.`,
  },
  fr: {
    title: TITLES.housing.fr,
    summary: 'Première version du guide',
    body: `L’aide au logement fait baisser votre loyer chaque mois si vos revenus sont modestes. La demande se fait en ligne en une vingtaine de minutes, sur ordinateur ou sur smartphone. Voici comment faire, étape par étape.

# Avant de commencer

Gardez vos documents à portée de main : le formulaire vous les demandera.

# Les étapes

1. Ouvrez le service [[service:housing-allowance]] et cliquez sur **Faire une demande en ligne**.
2. Connectez-vous à votre espace personnel de la caisse d’allocations familiales. Pas encore de compte ? Suivez d’abord le guide [[${TITLES.familyAccount.fr}]].
3. Indiquez votre adresse et votre date d’arrivée dans le logement.
4. Saisissez votre loyer **charges comprises**.
5. Ajoutez les personnes qui vivent avec vous et leurs revenus.
6. Vérifiez le récapitulatif, puis cliquez sur **Envoyer ma demande**.
7. Notez le numéro de dossier affiché à la fin, ou prenez l’écran en photo.

Si la caisse vous demande un justificatif plus tard, le guide [[${TITLES.pdf.fr}]] explique comment l’envoyer depuis votre téléphone.

# En cas de problème

- **La page ne s’affiche pas** : patientez quelques minutes et réessayez. Vos réponses sont enregistrées à chaque étape.
- **Vous ne connaissez pas les coordonnées du propriétaire** : elles figurent sur le bail ou sur les quittances de loyer.
- **Le formulaire signale des revenus manquants** : la caisse utilise votre déclaration d’impôts ; si vous n’en avez pas fait, indiquez-le dans le formulaire.

# Où trouver de l’aide

- Les médiateurs numériques de la [Médiathèque Jean-Rostand](/fr/places/mediatheque-saint-aubin) remplissent le formulaire avec vous, du mardi au samedi.
- Pour trouver l’Espace public numérique le plus proche, voir [[${MISSING_TITLES.findPlace.fr}]].
- Par téléphone : la caisse répond du lundi au vendredi, de 9 h à 16 h 30.`,
  },
  edits: [
    {
      author: 'mediator',
      summary: { en: 'Added the documents to bring', fr: 'Ajout des documents à préparer' },
      en: [
        [
          'Have your documents at hand: you will need them during the form.',
          `Have your documents at hand: you will need them during the form.

| Document | Where to find it |
| --- | --- |
| Tenancy agreement | Given by your landlord when you moved in |
| Landlord's name and address | On the tenancy agreement or a rent receipt |
| Bank details (IBAN) | In your banking app, or on a bank statement |
| Income of the last two years | On your tax notices |
| Your family allowance number | On any letter from the office |`,
        ],
      ],
      fr: [
        [
          'Gardez vos documents à portée de main : le formulaire vous les demandera.',
          `Gardez vos documents à portée de main : le formulaire vous les demandera.

| Document | Où le trouver |
| --- | --- |
| Le bail | Remis par le propriétaire à l’entrée dans le logement |
| Nom et adresse du propriétaire | Sur le bail ou une quittance de loyer |
| Votre RIB | Dans l’application de votre banque, ou sur un relevé |
| Vos revenus des deux dernières années | Sur vos avis d’imposition |
| Votre numéro d’allocataire | Sur tout courrier de la caisse |`,
        ],
      ],
    },
    {
      author: 'citizen',
      summary: { en: 'Fixed step 4: the rent is entered without charges', fr: 'Correction de l’étape 4 : le loyer se saisit hors charges' },
      en: [
        [
          '4. Enter your rent **including** the service charges.',
          '4. Enter your rent **without** the service charges: the form asks for them separately.',
        ],
      ],
      fr: [
        [
          '4. Saisissez votre loyer **charges comprises**.',
          '4. Saisissez votre loyer **hors charges** : le formulaire demande les charges à part.',
        ],
      ],
    },
  ],
};

const familyAccount: DemoWikiPage = {
  type: 'guide',
  category: 'social-and-health-care',
  author: 'official',
  en: {
    title: TITLES.familyAccount.en,
    summary: 'New guide',
    body: `Your personal account with the family allowance office lets you apply for benefits, follow your payments and send documents without queuing. You create it once; it takes about ten minutes.

# Before you start

- Your **family allowance number** if you already have one (it is on every letter from the office). No number? You can still create an account.
- Your **social security number** (on your health insurance card).
- An **email address** you can open now, and your mobile phone.
- Your **bank details** (IBAN).

# Steps

1. Open the service [[service:claim-child-benefit]] and press **Create my account**.
2. Enter your social security number and your date of birth.
3. Choose a password: at least 12 characters. A short sentence is easy to remember. See [[${MISSING_TITLES.passwords.en}]].
4. Open your email: the office has sent a message with a **Confirm** button. Press it within 24 hours.
5. Sign in with your number and your new password.
6. Check your address, phone number and bank details in **My profile**.

Once your account exists you can [[${TITLES.housing.en}]] or claim other benefits from the same page.

# If something goes wrong

- **No confirmation email**: look in the spam folder, then press **Send the email again**.
- **"This number already has an account"**: someone in your household may have created it. Use **Forgotten password** to get back in.
- **Locked out after three wrong passwords**: wait 30 minutes, then use **Forgotten password**.

# Where to get help

- The [Centre social des Tilleuls](/en/places/centre-social-les-tilleuls) helps with family benefits on weekday afternoons.
- A mediator can create the account with you: see [[${TITLES.mediator.en}]].`,
  },
  fr: {
    title: TITLES.familyAccount.fr,
    summary: 'Nouveau guide',
    body: `Votre espace personnel à la caisse d’allocations familiales vous permet de demander vos aides, de suivre vos paiements et d’envoyer des justificatifs sans faire la queue. On le crée une seule fois, en une dizaine de minutes.

# Avant de commencer

- Votre **numéro d’allocataire** si vous en avez un (il figure sur chaque courrier de la caisse). Pas de numéro ? Vous pouvez quand même créer un compte.
- Votre **numéro de sécurité sociale** (sur votre carte Vitale).
- Une **adresse électronique** que vous pouvez consulter tout de suite, et votre téléphone portable.
- Votre **RIB**.

# Les étapes

1. Ouvrez le service [[service:claim-child-benefit]] et cliquez sur **Créer mon espace**.
2. Saisissez votre numéro de sécurité sociale et votre date de naissance.
3. Choisissez un mot de passe d’au moins 12 caractères. Une petite phrase se retient facilement. Voir [[${MISSING_TITLES.passwords.fr}]].
4. Ouvrez votre messagerie : la caisse vous a envoyé un message avec un bouton **Confirmer**. Cliquez dessus dans les 24 heures.
5. Connectez-vous avec votre numéro et votre nouveau mot de passe.
6. Vérifiez votre adresse, votre téléphone et votre RIB dans **Mon profil**.

Une fois l’espace créé, vous pouvez [[${TITLES.housing.fr}|demander l’aide au logement en ligne]] ou d’autres aides depuis la même page.

# En cas de problème

- **Aucun courriel de confirmation** : regardez dans les indésirables, puis cliquez sur **Renvoyer le courriel**.
- **« Ce numéro a déjà un espace »** : une personne de votre foyer l’a peut-être créé. Utilisez **Mot de passe oublié** pour y accéder.
- **Compte bloqué après trois erreurs** : attendez 30 minutes, puis utilisez **Mot de passe oublié**.

# Où trouver de l’aide

- Le [Centre social des Tilleuls](/fr/places/centre-social-les-tilleuls) aide pour les prestations familiales en semaine, l’après-midi.
- Un médiateur peut créer l’espace avec vous : voir [[${TITLES.mediator.fr}]].`,
  },
};

const birth: DemoWikiPage = {
  type: 'guide',
  category: 'social-and-health-care',
  author: 'mediator',
  en: {
    title: TITLES.birth.en,
    summary: 'Guide for new parents',
    body: `Congratulations! A birth must be registered at the town hall within five days, and the family allowance office pays a birth grant to many families. Here is what to do, and in which order.

# Before you start

- The **childbirth certificate** given by the maternity ward.
- The **ID** of the person who registers the birth.
- Your **family record book**, if you have one.
- The **joint declaration of choice of surname**, if you made one.

# Steps

1. Within five days of the birth (the day of birth does not count), go to the civil status desk, or to the desk at the maternity ward on weekday mornings: [[service:register-a-birth]].
2. Give the documents above. It takes about 15 minutes.
3. Ask for **three copies** of the birth certificate: you will need them.
4. Tell the family allowance office about the birth in your online account, under **Declare a change**.
5. Claim the birth grant: [[service:claim-birth-grant]]. If you declared the pregnancy in time, it is often paid automatically.
6. Add your child to your health insurance card at the health insurance office.

# If something goes wrong

- **More than five days have passed**: go to the civil status desk anyway and explain; the registration then needs a court decision, and the desk will tell you how.
- **You lost a copy**: request another one online with [[${TITLES.certificate.en}]].

# Where to get help

- The [Espace services publics de l’hôtel de ville](/en/places/espace-services-publics-saint-aubin) answers questions about civil status and family benefits.
- To do step 4 online, see [[${TITLES.familyAccount.en}]].`,
  },
  fr: {
    title: TITLES.birth.fr,
    summary: 'Guide pour les jeunes parents',
    body: `Félicitations ! Une naissance se déclare à la mairie dans les cinq jours, et la caisse d’allocations familiales verse une prime de naissance à de nombreuses familles. Voici les démarches, dans l’ordre.

# Avant de commencer

- Le **certificat d’accouchement** remis par la maternité.
- La **pièce d’identité** de la personne qui fait la déclaration.
- Votre **livret de famille**, si vous en avez un.
- La **déclaration conjointe de choix de nom**, si vous l’avez faite.

# Les étapes

1. Dans les cinq jours qui suivent la naissance (le jour de la naissance ne compte pas), rendez-vous au service de l’état civil, ou à la permanence de la maternité en semaine le matin : [[service:register-a-birth]].
2. Remettez les documents ci-dessus. Comptez environ 15 minutes.
3. Demandez **trois copies** de l’acte de naissance : elles vous serviront.
4. Signalez la naissance à la caisse d’allocations familiales depuis votre espace en ligne, rubrique **Déclarer un changement**.
5. Demandez la prime de naissance : [[service:claim-birth-grant]]. Si la grossesse a été déclarée à temps, elle est souvent versée automatiquement.
6. Rattachez votre enfant à votre carte Vitale auprès de l’assurance maladie.

# En cas de problème

- **Le délai de cinq jours est dépassé** : allez tout de même à l’état civil et expliquez la situation ; il faut alors un jugement, et le service vous dira comment faire.
- **Vous avez perdu une copie** : demandez-en une autre en ligne, voir [[${TITLES.certificate.fr}]].

# Où trouver de l’aide

- L’[Espace services publics de l’hôtel de ville](/fr/places/espace-services-publics-saint-aubin) répond aux questions sur l’état civil et les prestations familiales.
- Pour faire l’étape 4 en ligne, voir [[${TITLES.familyAccount.fr}]].`,
  },
};

/** Guides for benefits and family life events, in the order they are created. */
export const BENEFIT_GUIDES: readonly DemoWikiPage[] = [housing, familyAccount, birth];
