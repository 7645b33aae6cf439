/** Demo guides on everyday online tasks: a birth certificate, a PDF from a phone, phishing emails. */
import type { DemoWikiPage } from './demo-page.js';
import { MISSING_TITLES, TITLES } from './titles.js';

const certificate: DemoWikiPage = {
  type: 'guide',
  category: 'democracy-and-participation',
  author: 'helper',
  en: {
    title: TITLES.certificate.en,
    summary: 'New guide',
    body: `Many applications ask for a copy of a birth certificate. If you were born in Saint-Aubin-sur-Verte, you can order it online for free and receive it by post within a week.

# Before you start

- Your **full name** at birth, your **date and place of birth**.
- Your **parents' names**: the form asks for them to find the right record.
- A **postal address** where the copy can be sent.

# Steps

1. Open [[service:request-a-civil-status-certificate]] and choose **Birth certificate**.
2. Choose the kind of copy: a **full copy** for a marriage, an **extract** for most other applications.
3. Fill in your name, date of birth and your parents' names.
4. Enter the address where the copy should be sent.
5. Press **Send my request** and keep the request number.

# If something goes wrong

- **You were born elsewhere**: ask the town hall of your place of birth; born abroad to French parents, ask the central civil status office in Nantes.
- **Nothing after ten days**: call the civil status desk with your request number.

# Where to get help

- The [Espace services publics de l’hôtel de ville](/en/places/espace-services-publics-saint-aubin) can make the request with you.
- For a newborn, see [[${TITLES.birth.en}]].`,
  },
  fr: {
    title: TITLES.certificate.fr,
    summary: 'Nouveau guide',
    body: `Beaucoup de démarches demandent une copie d’acte de naissance. Si vous êtes né à Saint-Aubin-sur-Verte, vous pouvez la commander gratuitement en ligne et la recevoir par courrier sous une semaine.

# Avant de commencer

- Vos **nom et prénoms** de naissance, votre **date et lieu de naissance**.
- Les **noms de vos parents** : le formulaire les demande pour retrouver le bon acte.
- Une **adresse postale** où recevoir la copie.

# Les étapes

1. Ouvrez [[service:request-a-civil-status-certificate]] et choisissez **Acte de naissance**.
2. Choisissez le type de document : **copie intégrale** pour un mariage, **extrait** pour la plupart des autres démarches.
3. Indiquez vos nom, date de naissance et les noms de vos parents.
4. Saisissez l’adresse d’envoi.
5. Cliquez sur **Envoyer ma demande** et notez le numéro de demande.

# En cas de problème

- **Vous êtes né ailleurs** : adressez-vous à la mairie de votre lieu de naissance ; né à l’étranger de parents français, au service central d’état civil de Nantes.
- **Rien reçu après dix jours** : appelez l’état civil avec votre numéro de demande.

# Où trouver de l’aide

- L’[Espace services publics de l’hôtel de ville](/fr/places/espace-services-publics-saint-aubin) peut faire la demande avec vous.
- Pour un nouveau-né, voir [[${TITLES.birth.fr}]].`,
  },
};

const pdf: DemoWikiPage = {
  type: 'guide',
  author: 'mediator',
  en: {
    title: TITLES.pdf.en,
    summary: 'The question we are asked most at the media library',
    body: `Online forms often ask for a document "as a PDF". You do not need a scanner: your phone can turn a paper into a clean PDF in a minute.

# Before you start

- The **paper document**, flat, on a dark table, near a window or a lamp.
- Your **smartphone**, with a little free space.

# Steps

1. On Android, open the **Google Drive** app and press **+**, then **Scan**. On an iPhone, open the **Notes** app, create a note, press the camera icon, then **Scan Documents**.
2. Hold the phone above the page until the whole page is inside the frame. The photo is taken by itself.
3. Check the corners; drag them if part of the page is cut off.
4. Several pages? Press **+** to add each one to the same file.
5. Press **Save**. Name the file clearly, for example \`tenancy-agreement.pdf\`.
6. In the online form, press **Add a document** and choose the file.

# If something goes wrong

- **"File too large"**: scan in black and white, or one page per file.
- **You cannot find the file**: look in **Files** (iPhone) or **Drive** (Android), under the name you gave it.

# Where to get help

- Every Digital Public Space has a scanner and someone to help: see [[${MISSING_TITLES.findPlace.en}]].
- Used for example in [[${TITLES.housing.en}]]; the service is [[service:housing-allowance]].`,
  },
  fr: {
    title: TITLES.pdf.fr,
    summary: 'La question qu’on nous pose le plus à la médiathèque',
    body: `Les formulaires en ligne demandent souvent un document « au format PDF ». Pas besoin de scanner : votre téléphone transforme une feuille en PDF propre en une minute.

# Avant de commencer

- Le **document papier**, bien à plat, sur une table sombre, près d’une fenêtre ou d’une lampe.
- Votre **smartphone**, avec un peu de place libre.

# Les étapes

1. Sur Android, ouvrez l’application **Google Drive** et appuyez sur **+**, puis **Numériser**. Sur iPhone, ouvrez **Notes**, créez une note, appuyez sur l’appareil photo, puis **Scanner des documents**.
2. Tenez le téléphone au-dessus de la feuille jusqu’à ce qu’elle tienne entière dans le cadre. La photo se prend toute seule.
3. Vérifiez les coins ; déplacez-les si une partie de la page est coupée.
4. Plusieurs pages ? Appuyez sur **+** pour les ajouter au même fichier.
5. Appuyez sur **Enregistrer**. Donnez un nom clair au fichier, par exemple \`bail.pdf\`.
6. Dans le formulaire en ligne, cliquez sur **Ajouter un document** et choisissez le fichier.

# En cas de problème

- **« Fichier trop volumineux »** : numérisez en noir et blanc, ou une page par fichier.
- **Vous ne retrouvez pas le fichier** : regardez dans **Fichiers** (iPhone) ou **Drive** (Android), sous le nom choisi.

# Où trouver de l’aide

- Chaque Espace public numérique a un scanner et quelqu’un pour vous aider : voir [[${MISSING_TITLES.findPlace.fr}]].
- Utile par exemple pour [[${TITLES.housing.fr}]] ; le service est [[service:housing-allowance]].`,
  },
};

const phishing: DemoWikiPage = {
  type: 'guide',
  author: 'moderator',
  en: {
    title: TITLES.phishing.en,
    summary: 'New guide after several reports of fake benefit emails',
    body: `Some emails pretend to come from the family allowance office, the tax office or your bank, to steal your password or your card number. They look real. A few checks are enough to spot them.

# Before you start

Remember one rule: **a public office never asks for your password or your card number by email**.

# Steps

1. Look at the **sender's address**, not only the name: \`caf-remboursement@mail-secure.com\` is not the office.
2. Read the tone: **urgency** ("within 24 hours"), threats or a refund you did not expect are warning signs.
3. Hover over the link (or press and hold it on a phone) to see where it really goes, **without opening it**.
4. Do not open attachments you did not expect.
5. In doubt, open the service yourself, by typing its address or from this wiki: [[service:housing-allowance]] or [[service:claim-child-benefit]]. A real message is also in your account.
6. Delete the email, or report it as **Spam** or **Phishing** in your mailbox.

# If something goes wrong

- **You typed your password**: change it at once on the real site, then everywhere you use it.
- **You gave your card number**: call your bank to block the card, day or night.

# Where to get help

- The [Médiathèque Jean-Rostand](/en/places/mediatheque-saint-aubin) runs a monthly workshop on online safety.
- Read also [[${TITLES.publicComputer.en}]].`,
  },
  fr: {
    title: TITLES.phishing.fr,
    summary: 'Nouveau guide, après plusieurs signalements de faux courriels d’aides',
    body: `Certains courriels se font passer pour la caisse d’allocations familiales, les impôts ou votre banque, pour voler votre mot de passe ou votre numéro de carte. Ils ont l’air vrais. Quelques vérifications suffisent pour les repérer.

# Avant de commencer

Retenez une règle : **un service public ne demande jamais votre mot de passe ni votre numéro de carte par courriel**.

# Les étapes

1. Regardez **l’adresse de l’expéditeur**, pas seulement le nom : \`caf-remboursement@mail-secure.com\` n’est pas la caisse.
2. Lisez le ton : **l’urgence** (« sous 24 heures »), les menaces ou un remboursement inattendu sont des signaux d’alerte.
3. Survolez le lien (ou appuyez longuement dessus sur un téléphone) pour voir où il mène vraiment, **sans l’ouvrir**.
4. N’ouvrez pas une pièce jointe que vous n’attendiez pas.
5. En cas de doute, allez vous-même sur le service, en tapant son adresse ou depuis ce wiki : [[service:housing-allowance]] ou [[service:claim-child-benefit]]. Un vrai message se trouve aussi dans votre espace.
6. Supprimez le courriel, ou signalez-le comme **Indésirable** ou **Hameçonnage** dans votre messagerie.

# En cas de problème

- **Vous avez saisi votre mot de passe** : changez-le tout de suite sur le vrai site, puis partout où vous l’utilisez.
- **Vous avez donné votre numéro de carte** : appelez votre banque pour faire opposition, jour et nuit.

# Où trouver de l’aide

- La [Médiathèque Jean-Rostand](/fr/places/mediatheque-saint-aubin) propose chaque mois un atelier sur la sécurité en ligne.
- À lire aussi : [[${TITLES.publicComputer.fr}]].`,
  },
  edits: [
    {
      author: 'helper',
      summary: { en: 'Added fake text messages', fr: 'Ajout des faux SMS' },
      en: [
        [
          '6. Delete the email,',
          `6. The same tricks come by **text message**: "Your parcel is waiting, pay €1.99 here" is a classic.
7. Delete the email,`,
        ],
      ],
      fr: [
        [
          '6. Supprimez le courriel,',
          `6. Les mêmes ruses arrivent par **SMS** : « Votre colis est en attente, payez 1,99 € ici » est un classique.
7. Supprimez le courriel,`,
        ],
      ],
    },
  ],
};

/** Guides for everyday online tasks, in the order they are created. */
export const EVERYDAY_GUIDES: readonly DemoWikiPage[] = [certificate, pdf, phishing];
