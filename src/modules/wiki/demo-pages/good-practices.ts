/** Demo good-practice sheets: what worked in Vallée-Verte, written so another territory can copy it. */
import type { DemoWikiPage } from './demo-page.js';
import { TITLES } from './titles.js';

const libraryHours: DemoWikiPage = {
  type: 'good_practice',
  author: 'mediator',
  en: {
    title: TITLES.libraryHours.en,
    summary: 'Sheet written after the first year',
    body: `# Territory

Saint-Aubin-sur-Verte (8,400 inhabitants), Vallée-Verte County.

# Organisation

[Médiathèque Jean-Rostand](/en/places/mediatheque-saint-aubin), run by the city, with two digital mediators and six volunteer digital helpers.

# The problem

People came to the media library desk with online forms the staff had no time to help with. Queues formed on Saturdays, and the same questions came back: accounts, passwords, documents to upload.

# What was done

- Fixed **helpers' hours**: Tuesday and Thursday 2 pm to 6 pm, Saturday 10 am to 1 pm, with or without appointment.
- Volunteers trained in four half-days (online safety, the main benefit sites, when to hand over to a mediator).
- A printed **"what to bring"** sheet for each common form, later turned into wiki guides such as [[${TITLES.housing.en}]].
- A shared booking notebook, then online booking.

# Results

- **1,150 visits** in the first year, 38 % of them people over 65.
- Waiting time on Saturdays down from about 40 minutes to **10 minutes**.
- 71 % of visitors came back alone for a second form, or did it at home.

# What it takes to transfer it

A room with four computers and a printer-scanner, one paid mediator to coordinate, about 20 hours of volunteer time a week, and 16 hours of training per volunteer.

# Contact

[mediation@mediatheque-saint-aubin.example.org](mailto:mediation@mediatheque-saint-aubin.example.org)`,
  },
  fr: {
    title: TITLES.libraryHours.fr,
    summary: 'Fiche rédigée après la première année',
    body: `# Territoire

Saint-Aubin-sur-Verte (8 400 habitants), département de Vallée-Verte.

# Structure

[Médiathèque Jean-Rostand](/fr/places/mediatheque-saint-aubin), gérée par la ville, avec deux médiateurs numériques et six aidants numériques bénévoles.

# Le problème

Les habitants venaient à l’accueil de la médiathèque avec des démarches en ligne que l’équipe n’avait pas le temps d’accompagner. Le samedi, la file d’attente s’allongeait, et les mêmes questions revenaient : comptes, mots de passe, justificatifs à déposer.

# Ce qui a été fait

- Des **permanences** fixes : mardi et jeudi de 14 h à 18 h, samedi de 10 h à 13 h, avec ou sans rendez-vous.
- Des bénévoles formés en quatre demi-journées (sécurité en ligne, principaux sites d’aides, quand passer la main à un médiateur).
- Une fiche imprimée **« ce qu’il faut apporter »** par démarche courante, devenue ensuite des guides du wiki comme [[${TITLES.housing.fr}]].
- Un cahier de rendez-vous partagé, puis la réservation en ligne.

# Résultats

- **1 150 passages** la première année, dont 38 % de personnes de plus de 65 ans.
- L’attente du samedi est passée d’environ 40 minutes à **10 minutes**.
- 71 % des personnes sont revenues seules pour une deuxième démarche, ou l’ont faite chez elles.

# Ce qu’il faut pour la reproduire

Une salle avec quatre ordinateurs et un copieur-scanner, un médiateur salarié pour coordonner, environ 20 heures de bénévolat par semaine, et 16 heures de formation par bénévole.

# Contact

[mediation@mediatheque-saint-aubin.example.org](mailto:mediation@mediatheque-saint-aubin.example.org)`,
  },
};

const phoneLine: DemoWikiPage = {
  type: 'good_practice',
  category: 'housing-and-building',
  author: 'official',
  en: {
    title: TITLES.phoneLine.en,
    summary: 'New good-practice sheet',
    body: `# Territory

Vallée-Verte County: the three towns of the family allowance office's area.

# Organisation

The family allowance office, with the county council's social services.

# The problem

When the housing benefit form moved online, one application in three was left unfinished. Most people stopped at the same places: the rent without charges, the income of the people living with them, and uploading the tenancy agreement.

# What was done

- A free **phone line** open Monday to Friday, 9 am to 4.30 pm, answered by four advisers who see the same screens as the caller.
- The number shown **on every page** of the online form [[service:housing-allowance]], with "Stuck? Call us".
- Advisers note where callers get stuck; the form is changed every quarter.

# Results

- Unfinished applications down from 33 % to **14 %** in six months.
- Around **60 calls a day**, lasting 7 minutes on average.

# What it takes to transfer it

Four trained advisers, screen-sharing or a test account showing the same form, and a team able to change the form's wording every few months.

# Contact

[logement@caf-vallee-verte.example.org](mailto:logement@caf-vallee-verte.example.org)`,
  },
  fr: {
    title: TITLES.phoneLine.fr,
    summary: 'Nouvelle fiche de bonne pratique',
    body: `# Territoire

Département de Vallée-Verte : les trois communes du ressort de la caisse d’allocations familiales.

# Structure

La caisse d’allocations familiales, avec les services sociaux du département.

# Le problème

Quand la demande d’aide au logement est passée en ligne, un dossier sur trois restait inachevé. La plupart des personnes s’arrêtaient aux mêmes endroits : le loyer hors charges, les revenus des personnes du foyer et le dépôt du bail.

# Ce qui a été fait

- Une **ligne téléphonique** gratuite, du lundi au vendredi de 9 h à 16 h 30, tenue par quatre conseillers qui voient les mêmes écrans que l’appelant.
- Le numéro affiché **sur chaque page** du formulaire [[service:housing-allowance]], avec « Bloqué ? Appelez-nous ».
- Les conseillers notent où les appelants butent ; le formulaire est revu chaque trimestre.

# Résultats

- Dossiers inachevés : de 33 % à **14 %** en six mois.
- Environ **60 appels par jour**, de 7 minutes en moyenne.

# Ce qu’il faut pour la reproduire

Quatre conseillers formés, le partage d’écran ou un compte de test montrant le même formulaire, et une équipe capable de modifier le texte du formulaire tous les quelques mois.

# Contact

[logement@caf-vallee-verte.example.org](mailto:logement@caf-vallee-verte.example.org)`,
  },
  edits: [
    {
      author: 'admin',
      summary: { en: 'Updated the results after one year', fr: 'Résultats mis à jour après un an' },
      en: [
        [
          '- Around **60 calls a day**, lasting 7 minutes on average.',
          `- Around **60 calls a day**, lasting 7 minutes on average.
- After one year, **9 %** of applications left unfinished, and the first payment arrives two weeks sooner, as fewer files are incomplete.`,
        ],
      ],
      fr: [
        [
          '- Environ **60 appels par jour**, de 7 minutes en moyenne.',
          `- Environ **60 appels par jour**, de 7 minutes en moyenne.
- Au bout d’un an, **9 %** de dossiers inachevés, et un premier versement deux semaines plus tôt, les dossiers incomplets étant moins nombreux.`,
        ],
      ],
    },
  ],
};

const teenagers: DemoWikiPage = {
  type: 'good_practice',
  author: 'helper',
  en: {
    title: TITLES.teenagers.en,
    summary: 'New good-practice sheet',
    body: `# Territory

Les Ormeaux (2,100 inhabitants), Vallée-Verte County.

# Organisation

The [Point Information Jeunesse](/en/places/point-information-jeunesse-saint-aubin) and the [Club des aînés du Lavoir](/en/places/club-des-aines-les-ormeaux).

# The problem

Many older people had been given a smartphone by their family but used it only for calls. The club's members asked for help; the youth centre was looking for projects for teenagers.

# What was done

- Pairs of one teenager (14 to 17) and one senior, meeting **once a week for eight weeks**, at the club.
- A short list of goals chosen by the senior: video calls with grandchildren, photos, the health insurance app, [[${TITLES.phishing.en}|spotting scam messages]].
- A two-hour session for the teenagers beforehand: patience, letting the senior hold the phone, never typing their passwords.
- Teenagers' hours count for their community service certificate.

# Results

- **46 pairs** over three sessions; 43 seniors finished the eight weeks.
- 9 in 10 seniors made a video call alone by the end; 31 created an online account with a public service.
- 12 teenagers went on to volunteer at the [[${TITLES.libraryHours.en}|media library's helpers' hours]].

# What it takes to transfer it

A room with Wi-Fi, a youth worker and a club leader to form the pairs, a two-hour preparation for the teenagers, and a snack budget of about €300 per session.

# Contact

[pij@ormeaux-jeunesse.example.org](mailto:pij@ormeaux-jeunesse.example.org)`,
  },
  fr: {
    title: TITLES.teenagers.fr,
    summary: 'Nouvelle fiche de bonne pratique',
    body: `# Territoire

Les Ormeaux (2 100 habitants), département de Vallée-Verte.

# Structure

Le [Point Information Jeunesse](/fr/places/point-information-jeunesse-saint-aubin) et le [Club des aînés du Lavoir](/fr/places/club-des-aines-les-ormeaux).

# Le problème

Beaucoup d’aînés avaient reçu un smartphone de leur famille mais ne s’en servaient que pour téléphoner. Les membres du club demandaient de l’aide ; le point jeunesse cherchait des projets pour les adolescents.

# Ce qui a été fait

- Des binômes d’un adolescent (14 à 17 ans) et d’un aîné, qui se retrouvent **une fois par semaine pendant huit semaines**, au club.
- Quelques objectifs choisis par l’aîné : appels vidéo avec les petits-enfants, photos, application de l’assurance maladie, [[${TITLES.phishing.fr}|repérer les messages frauduleux]].
- Une séance de deux heures pour préparer les adolescents : patience, laisser l’aîné tenir le téléphone, ne jamais taper ses mots de passe à sa place.
- Les heures des adolescents comptent pour leur attestation d’engagement citoyen.

# Résultats

- **46 binômes** sur trois sessions ; 43 aînés ont suivi les huit semaines.
- 9 aînés sur 10 passaient seuls un appel vidéo à la fin ; 31 ont créé un compte en ligne auprès d’un service public.
- 12 adolescents sont ensuite devenus bénévoles aux [[${TITLES.libraryHours.fr}|permanences de la médiathèque]].

# Ce qu’il faut pour la reproduire

Une salle avec Wi-Fi, un animateur jeunesse et un responsable du club pour former les binômes, deux heures de préparation pour les adolescents, et un budget goûter d’environ 300 € par session.

# Contact

[pij@ormeaux-jeunesse.example.org](mailto:pij@ormeaux-jeunesse.example.org)`,
  },
};

/** The good-practice sheets, in the order they are created. */
export const GOOD_PRACTICES: readonly DemoWikiPage[] = [libraryHours, phoneLine, teenagers];
