/** Demo guides on getting help and staying safe: public computers, video consultations, mediators. */
import type { DemoWikiPage } from './demo-page.js';
import { MISSING_TITLES, TITLES } from './titles.js';

const publicComputer: DemoWikiPage = {
  type: 'guide',
  author: 'mediator',
  en: {
    title: TITLES.publicComputer.en,
    summary: 'New guide',
    body: `The computers of Digital Public Spaces are free and shared by many people. A few habits keep your accounts and documents private once you leave.

# Before you start

- Your **library card** if the place asks for one: [[service:get-a-library-card]].
- Your **passwords**, or the phone that receives your sign-in codes.
- A **USB stick** if you want to keep a document (or email it to yourself).

# Steps

1. Open the browser in a **private window** (Ctrl + Shift + N): nothing is kept when you close it.
2. When the browser offers to **save your password**, press **Never**.
3. Do your applications. Download documents only if you need them, and note where they go.
4. When you are done, press **Sign out** on every site you used.
5. Delete what you downloaded from the **Downloads** folder, and empty the bin.
6. Close the private window, and remove your USB stick.

# If something goes wrong

- **You forgot to sign out**: sign in from home and choose **Sign out of all devices**, then change your password.
- **The computer behaves strangely** (pop-ups, slowness): stop and tell the mediator.

# Where to get help

- Mediators are there during opening hours, for example at the [Bibliothèque des Ormeaux](/en/places/bibliotheque-les-ormeaux).
- Read also [[${TITLES.phishing.en}]] and [[${MISSING_TITLES.passwords.en}]].`,
  },
  fr: {
    title: TITLES.publicComputer.fr,
    summary: 'Nouveau guide',
    body: `Les ordinateurs des Espaces publics numériques sont gratuits et partagés par beaucoup de monde. Quelques réflexes gardent vos comptes et vos documents privés une fois parti.

# Avant de commencer

- Votre **carte de bibliothèque** si le lieu la demande : [[service:get-a-library-card]].
- Vos **mots de passe**, ou le téléphone qui reçoit vos codes de connexion.
- Une **clé USB** si vous voulez garder un document (ou envoyez-le-vous par courriel).

# Les étapes

1. Ouvrez le navigateur en **navigation privée** (Ctrl + Maj + N) : rien n’est conservé à la fermeture.
2. Quand le navigateur propose **d’enregistrer le mot de passe**, cliquez sur **Jamais**.
3. Faites vos démarches. Ne téléchargez que les documents utiles, et notez où ils vont.
4. Quand vous avez fini, cliquez sur **Se déconnecter** sur chaque site utilisé.
5. Supprimez vos fichiers du dossier **Téléchargements**, et videz la corbeille.
6. Fermez la fenêtre privée, et retirez votre clé USB.

# En cas de problème

- **Vous avez oublié de vous déconnecter** : connectez-vous depuis chez vous, choisissez **Se déconnecter de tous les appareils**, puis changez de mot de passe.
- **L’ordinateur se comporte bizarrement** (fenêtres qui s’ouvrent, lenteur) : arrêtez-vous et prévenez le médiateur.

# Où trouver de l’aide

- Des médiateurs sont présents aux heures d’ouverture, par exemple à la [Bibliothèque des Ormeaux](/fr/places/bibliotheque-les-ormeaux).
- À lire aussi : [[${TITLES.phishing.fr}]] et [[${MISSING_TITLES.passwords.fr}]].`,
  },
};

const videoCall: DemoWikiPage = {
  type: 'guide',
  category: 'social-and-health-care',
  author: 'helper',
  en: {
    title: TITLES.videoCall.en,
    summary: 'Guide written with the Mont-Rivel health centre',
    body: `Many doctors now offer video consultations: useful when you cannot travel, or for a follow-up. You need a phone, tablet or computer with a camera, and a quiet place.

# Before you start

- The **appointment confirmation** (email or text message) with the link to the call.
- Your **health insurance card** and the list of your medicines.
- A phone that is **charged**, with Wi-Fi or good mobile data.

# Steps

1. Ten minutes early, open the link in the confirmation message.
2. If asked, allow the site to use the **camera** and **microphone**: press **Allow**.
3. Check that you can see yourself, then press **Join the waiting room**.
4. Wait: the doctor lets you in. Keep the phone steady, at face height.
5. At the end, the doctor sends the prescription to your pharmacy or your account.

| Problem | What to try |
| --- | --- |
| No sound | Turn up the volume; check the microphone is not crossed out |
| Frozen picture | Move closer to the Wi-Fi box, or turn the camera off |
| Link not working | Call the surgery: the doctor can phone you instead |

# If something goes wrong

If the call drops, open the link again: the doctor waits a few minutes.

# Where to get help

- The [Maison pour tous de Mont-Rivel](/en/places/maison-pour-tous-mont-rivel) lends a quiet room and a tablet for consultations.
- People over 60 living alone can also [[service:sign-up-for-heatwave-check-ins]] to get regular calls in summer.`,
  },
  fr: {
    title: TITLES.videoCall.fr,
    summary: 'Guide écrit avec la maison de santé de Mont-Rivel',
    body: `Beaucoup de médecins proposent désormais la téléconsultation : pratique quand on ne peut pas se déplacer, ou pour un suivi. Il faut un téléphone, une tablette ou un ordinateur avec caméra, et un endroit calme.

# Avant de commencer

- La **confirmation du rendez-vous** (courriel ou SMS) avec le lien de l’appel.
- Votre **carte Vitale** et la liste de vos médicaments.
- Un téléphone **chargé**, avec du Wi-Fi ou une bonne connexion mobile.

# Les étapes

1. Dix minutes avant, ouvrez le lien du message de confirmation.
2. Si on vous le demande, autorisez la **caméra** et le **micro** : appuyez sur **Autoriser**.
3. Vérifiez que vous vous voyez, puis appuyez sur **Entrer en salle d’attente**.
4. Patientez : le médecin vous fait entrer. Tenez le téléphone stable, à hauteur du visage.
5. À la fin, le médecin envoie l’ordonnance à votre pharmacie ou dans votre espace.

| Problème | Que faire |
| --- | --- |
| Pas de son | Montez le volume ; vérifiez que le micro n’est pas barré |
| Image figée | Rapprochez-vous de la box, ou coupez la caméra |
| Le lien ne marche pas | Appelez le cabinet : le médecin peut vous téléphoner |

# En cas de problème

Si l’appel coupe, rouvrez le lien : le médecin attend quelques minutes.

# Où trouver de l’aide

- La [Maison pour tous de Mont-Rivel](/fr/places/maison-pour-tous-mont-rivel) prête une salle calme et une tablette pour les téléconsultations.
- Les personnes de plus de 60 ans vivant seules peuvent aussi [[service:sign-up-for-heatwave-check-ins|s’inscrire au registre canicule]] pour être appelées l’été.`,
  },
};

const mediator: DemoWikiPage = {
  type: 'guide',
  author: 'mediator',
  en: {
    title: TITLES.mediator.en,
    summary: 'What to expect when you come to us',
    body: `You do not have to manage online forms alone. Digital mediators help for free, without judging, and you stay in control: they explain, you decide.

# Before you start

- **Book** if you can: call the place, or just drop in during opening hours.
- Bring your **ID**, the **letters** you received, and your **passwords** if you have them.
- Bring your **phone**: many sites send a code to it.

# Steps

1. Explain what you want to do, for example [[service:apply-for-minimum-income]].
2. The mediator opens the site with you. **You** type your passwords: nobody else needs to know them.
3. Fill in the form together, one question at a time. Ask whenever a word is unclear.
4. Check the summary page together before pressing **Send**.
5. Keep the receipt: print it or email it to yourself.
6. Ask what comes next and when.

If you cannot do the form yourself at all, the mediator can act for you with a signed mandate (the **Aidants Connect** scheme).

# If something goes wrong

- **The site is down**: the mediator notes what is missing and books another slot with you.
- **You are missing a document**: see [[${TITLES.pdf.en}]] to send it later from home.

# Where to get help

- At the [Médiathèque Jean-Rostand](/en/places/mediatheque-saint-aubin), the [Centre social des Tilleuls](/en/places/centre-social-les-tilleuls) or the [Mairie de Mont-Rivel](/en/places/mairie-mont-rivel).
- For disability and autonomy forms, ask for help with [[service:apply-for-personal-autonomy-allowance]].`,
  },
  fr: {
    title: TITLES.mediator.fr,
    summary: 'Ce qui vous attend quand vous venez nous voir',
    body: `Vous n’avez pas à affronter seul les formulaires en ligne. Les médiateurs numériques aident gratuitement, sans jugement, et c’est vous qui gardez la main : ils expliquent, vous décidez.

# Avant de commencer

- **Prenez rendez-vous** si possible : appelez le lieu, ou passez pendant les heures d’ouverture.
- Apportez votre **pièce d’identité**, les **courriers** reçus, et vos **mots de passe** si vous les avez.
- Apportez votre **téléphone** : beaucoup de sites y envoient un code.

# Les étapes

1. Expliquez ce que vous voulez faire, par exemple [[service:apply-for-minimum-income]].
2. Le médiateur ouvre le site avec vous. C’est **vous** qui tapez vos mots de passe : personne d’autre n’a besoin de les connaître.
3. Remplissez le formulaire ensemble, une question à la fois. Demandez dès qu’un mot n’est pas clair.
4. Relisez ensemble le récapitulatif avant de cliquer sur **Envoyer**.
5. Gardez l’accusé de réception : imprimez-le ou envoyez-le-vous par courriel.
6. Demandez quelle est la suite, et quand.

Si vous ne pouvez pas du tout faire la démarche vous-même, le médiateur peut la faire à votre place avec un mandat signé (le dispositif **Aidants Connect**).

# En cas de problème

- **Le site ne fonctionne pas** : le médiateur note ce qui manque et fixe un autre rendez-vous avec vous.
- **Il vous manque un document** : voir [[${TITLES.pdf.fr}]] pour l’envoyer plus tard depuis chez vous.

# Où trouver de l’aide

- À la [Médiathèque Jean-Rostand](/fr/places/mediatheque-saint-aubin), au [Centre social des Tilleuls](/fr/places/centre-social-les-tilleuls) ou à la [Mairie de Mont-Rivel](/fr/places/mairie-mont-rivel).
- Pour les dossiers de handicap et d’autonomie, demandez de l’aide pour [[service:apply-for-personal-autonomy-allowance]].`,
  },
};

/** Guides on getting help and staying safe online, in the order they are created. */
export const DIGITAL_GUIDES: readonly DemoWikiPage[] = [publicComputer, videoCall, mediator];
