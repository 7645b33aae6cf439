/** Demo guides on work and school: job search and the monthly update, school enrolment, canteen bills. */
import type { DemoWikiPage } from './demo-page.js';
import { TITLES } from './titles.js';

const jobs: DemoWikiPage = {
  type: 'guide',
  category: 'employment',
  author: 'helper',
  en: {
    title: TITLES.jobs.en,
    summary: 'Guide for job seekers',
    body: `Once you are registered as a job seeker, two things happen online: you look for offers, and every month you update your situation so that your benefit keeps being paid. Missing the monthly update can stop your payments, so this guide starts with it.

# Before you start

- Your **job seeker number** and password (on your registration letter). Not registered yet? Start with [[service:register-as-a-job-seeker]].
- Your **CV**, as a file on your phone or computer, if you have one.
- The **hours you worked** this month and your payslips, if you worked.

# Steps

1. Open [[service:update-your-situation-every-month]] and sign in.
2. Press **Update my situation**.
3. Answer the questions: did you work, were you ill, are you still looking for a job?
4. Press **Confirm**, then wait for the receipt number on the screen.
5. Now look for offers with [[service:search-and-apply-for-jobs]]: type a job and a town, then press **Search**.
6. Press **Create an alert** to receive new offers by email.
7. To apply, press **Apply**, add your CV and a few lines on why the job suits you.

| When | What to do |
| --- | --- |
| From the 28th to the 15th of the next month | Update your situation |
| Each week | Look at your alerts and apply |
| Within 72 hours of a change | Report a job, training or illness |

# If something goes wrong

- **You forgot the monthly update**: do it as soon as you notice; after the deadline, call the agency on 3949.
- **Your CV will not upload**: it must be a PDF of less than 5 MB; see [[${TITLES.pdf.en}]].

# Where to get help

- The [Point Information Jeunesse](/en/places/point-information-jeunesse-saint-aubin) helps young people with CVs and job search.
- For your CV, join a [[service:join-a-cv-and-interview-workshop]].`,
  },
  fr: {
    title: TITLES.jobs.fr,
    summary: 'Guide pour les demandeurs d’emploi',
    body: `Une fois inscrit comme demandeur d’emploi, deux choses se font en ligne : chercher des offres, et actualiser votre situation chaque mois pour que votre allocation continue d’être versée. Oublier l’actualisation peut suspendre vos paiements : ce guide commence donc par elle.

# Avant de commencer

- Votre **identifiant** et votre mot de passe (sur le courrier d’inscription). Pas encore inscrit ? Commencez par [[service:register-as-a-job-seeker]].
- Votre **CV**, enregistré sur votre téléphone ou votre ordinateur, si vous en avez un.
- Les **heures travaillées** ce mois-ci et vos bulletins de salaire, si vous avez travaillé.

# Les étapes

1. Ouvrez [[service:update-your-situation-every-month]] et connectez-vous.
2. Cliquez sur **M’actualiser**.
3. Répondez aux questions : avez-vous travaillé, été malade, cherchez-vous toujours un emploi ?
4. Cliquez sur **Valider**, puis attendez le numéro d’accusé de réception à l’écran.
5. Cherchez ensuite des offres avec [[service:search-and-apply-for-jobs]] : tapez un métier et une ville, puis cliquez sur **Rechercher**.
6. Cliquez sur **Créer une alerte** pour recevoir les nouvelles offres par courriel.
7. Pour postuler, cliquez sur **Postuler**, joignez votre CV et écrivez quelques lignes sur ce qui vous attire dans le poste.

| Quand | Quoi faire |
| --- | --- |
| Du 28 au 15 du mois suivant | S’actualiser |
| Chaque semaine | Consulter ses alertes et postuler |
| Dans les 72 heures après un changement | Signaler un emploi, une formation ou un arrêt maladie |

# En cas de problème

- **Vous avez oublié de vous actualiser** : faites-le dès que vous vous en rendez compte ; après la date limite, appelez le 3949.
- **Votre CV ne se télécharge pas** : il doit être en PDF et peser moins de 5 Mo ; voir [[${TITLES.pdf.fr}]].

# Où trouver de l’aide

- Le [Point Information Jeunesse](/fr/places/point-information-jeunesse-saint-aubin) aide les jeunes pour le CV et la recherche d’emploi.
- Pour votre CV, inscrivez-vous à un [[service:join-a-cv-and-interview-workshop]].`,
  },
  edits: [
    {
      author: 'official',
      summary: { en: 'Fixed step 4: keep the receipt', fr: 'Correction de l’étape 4 : garder l’accusé de réception' },
      en: [
        [
          '4. Press **Confirm**, then wait for the receipt number on the screen.',
          '4. Press **Confirm**, then wait for the receipt number on the screen. Write it down: it proves you updated on time.',
        ],
      ],
      fr: [
        [
          '4. Cliquez sur **Valider**, puis attendez le numéro d’accusé de réception à l’écran.',
          '4. Cliquez sur **Valider**, puis attendez le numéro d’accusé de réception à l’écran. Notez-le : il prouve que vous vous êtes actualisé à temps.',
        ],
      ],
    },
  ],
};

const school: DemoWikiPage = {
  type: 'guide',
  category: 'education',
  author: 'citizen',
  en: {
    title: TITLES.school.en,
    summary: 'How I enrolled my daughter, written for other parents',
    body: `Children who start nursery school, or who move to Saint-Aubin-sur-Verte, are enrolled with the city first, then admitted by the school. Enrolment for September opens in January.

# Before you start

- Your **family record book** or your child's birth certificate.
- A **proof of address** less than three months old (an energy bill, a rent receipt).
- Your child's **vaccination record**.
- If you are separated, the **other parent's agreement** or the court decision.

# Steps

1. Open [[service:enrol-your-child-in-school]] and press **Enrol a child**.
2. Sign in to your family account, or create one (it is the same account as for the canteen).
3. Enter your child's name and date of birth.
4. Add the documents above: photos taken with your phone are accepted if they are sharp.
5. Press **Send**. The city emails you a certificate of enrolment with the name of the school.
6. Call the school to book an admission appointment, and bring the certificate.

# If something goes wrong

- **The school is not the one you wanted**: ask for an exemption in the same account before 31 March.
- **A document is refused**: you receive an email saying which one; send it again as a PDF (see [[${TITLES.pdf.en}]]).

# Where to get help

- The [Espace services publics de l’hôtel de ville](/en/places/espace-services-publics-saint-aubin) can scan your documents.
- After enrolment, see [[${TITLES.canteen.en}]] to book school lunches.`,
  },
  fr: {
    title: TITLES.school.fr,
    summary: 'Comment j’ai inscrit ma fille, pour les autres parents',
    body: `Les enfants qui entrent en maternelle, ou qui arrivent à Saint-Aubin-sur-Verte, sont d’abord inscrits auprès de la mairie, puis admis par l’école. Les inscriptions pour la rentrée de septembre ouvrent en janvier.

# Avant de commencer

- Votre **livret de famille** ou l’acte de naissance de l’enfant.
- Un **justificatif de domicile** de moins de trois mois (facture d’énergie, quittance de loyer).
- Le **carnet de vaccination** de l’enfant.
- En cas de séparation, **l’accord de l’autre parent** ou le jugement.

# Les étapes

1. Ouvrez [[service:enrol-your-child-in-school]] et cliquez sur **Inscrire un enfant**.
2. Connectez-vous à votre espace famille, ou créez-le (c’est le même que pour la cantine).
3. Saisissez le nom et la date de naissance de l’enfant.
4. Ajoutez les documents ci-dessus : des photos prises au téléphone sont acceptées si elles sont nettes.
5. Cliquez sur **Envoyer**. La mairie vous envoie par courriel un certificat d’inscription avec le nom de l’école.
6. Appelez l’école pour prendre rendez-vous pour l’admission, et apportez le certificat.

# En cas de problème

- **L’école n’est pas celle que vous souhaitiez** : demandez une dérogation dans le même espace avant le 31 mars.
- **Un document est refusé** : un courriel vous dit lequel ; renvoyez-le en PDF (voir [[${TITLES.pdf.fr}]]).

# Où trouver de l’aide

- L’[Espace services publics de l’hôtel de ville](/fr/places/espace-services-publics-saint-aubin) peut numériser vos documents.
- Après l’inscription, voir [[${TITLES.canteen.fr}]] pour réserver les repas.`,
  },
};

const canteen: DemoWikiPage = {
  type: 'guide',
  category: 'education',
  author: 'citizen',
  en: {
    title: TITLES.canteen.en,
    summary: 'New guide',
    body: `Every month the city sends one bill for school lunches and after-school care. You can pay it online in two minutes, at any time, with no fees.

# Before you start

- Your **family account** login (the one you used to enrol your child).
- Your **bank card**, or your bank details to set up a direct debit.
- The **bill number**, on the email the city sends at the start of each month.

# Steps

1. Open [[service:sign-up-for-school-meals-and-after-school-care]] and sign in to your family account.
2. Go to **My bills**. Unpaid bills are at the top, in orange.
3. Press **Pay** next to the bill.
4. Check the amount, then press **Pay by card**.
5. Enter your card details. Your bank may send a code to your phone: type it in.
6. Wait for the message **Payment accepted** and keep the receipt email.

# If something goes wrong

- **The amount looks wrong**: do not pay yet; press **Question about this bill** and explain.
- **The payment is refused**: check your card's limit, or pay at the town hall.

# Where to get help

- The [Espace services publics de l’hôtel de ville](/en/places/espace-services-publics-saint-aubin) takes cash and cheques and can help with the account.
- Not enrolled yet? See [[${TITLES.school.en}]].`,
  },
  fr: {
    title: TITLES.canteen.fr,
    summary: 'Nouveau guide',
    body: `Chaque mois, la mairie envoie une seule facture pour la cantine et le périscolaire. Vous pouvez la régler en ligne en deux minutes, à toute heure, sans frais.

# Avant de commencer

- Vos **identifiants de l’espace famille** (ceux de l’inscription scolaire).
- Votre **carte bancaire**, ou votre RIB pour mettre en place un prélèvement.
- Le **numéro de facture**, dans le courriel envoyé par la mairie en début de mois.

# Les étapes

1. Ouvrez [[service:sign-up-for-school-meals-and-after-school-care]] et connectez-vous à votre espace famille.
2. Allez dans **Mes factures**. Les factures impayées sont en haut, en orange.
3. Cliquez sur **Payer** à côté de la facture.
4. Vérifiez le montant, puis cliquez sur **Payer par carte**.
5. Saisissez les informations de votre carte. Votre banque peut envoyer un code sur votre téléphone : tapez-le.
6. Attendez le message **Paiement accepté** et gardez le courriel de reçu.

# En cas de problème

- **Le montant vous semble faux** : ne payez pas tout de suite ; cliquez sur **Une question sur cette facture** et expliquez.
- **Le paiement est refusé** : vérifiez le plafond de votre carte, ou payez à la mairie.

# Où trouver de l’aide

- L’[Espace services publics de l’hôtel de ville](/fr/places/espace-services-publics-saint-aubin) accepte les espèces et les chèques et aide pour l’espace famille.
- Enfant pas encore inscrit ? Voir [[${TITLES.school.fr}]].`,
  },
  edits: [
    {
      author: 'helper',
      summary: { en: 'Added the ways to pay', fr: 'Ajout des moyens de paiement' },
      en: [
        [
          '# If something goes wrong',
          `Other ways to pay:

| Way to pay | Where | When the money is taken |
| --- | --- | --- |
| Bank card | Family account, online | At once |
| Direct debit | Family account, **My bank details** | On the 10th of the month |
| Cash or cheque | Town hall desk | At once |

# If something goes wrong`,
        ],
      ],
      fr: [
        [
          '# En cas de problème',
          `Les autres moyens de paiement :

| Moyen de paiement | Où | Quand l’argent est prélevé |
| --- | --- | --- |
| Carte bancaire | Espace famille, en ligne | Tout de suite |
| Prélèvement | Espace famille, **Mes coordonnées bancaires** | Le 10 du mois |
| Espèces ou chèque | Accueil de la mairie | Tout de suite |

# En cas de problème`,
        ],
      ],
    },
  ],
};

/** Guides for job seekers and parents of pupils, in the order they are created. */
export const WORK_AND_SCHOOL_GUIDES: readonly DemoWikiPage[] = [jobs, school, canteen];
