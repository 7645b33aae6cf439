/**
 * Co-assessment: assessments of the published services by verified people (city scale: 200,000;
 * one per person and service), some updated once (both versions kept), a third with a written
 * review in French or English, helpful marks and official answers on some reviews; problem reports
 * (city scale: 20,000) in every status with their timelines, duplicates pointing at an earlier
 * report of the same service. Popularity is skewed (a few services get thousands of assessments,
 * most a few dozen), so the busiest service's pages are the worst case the bench loads.
 *
 * The counters the app keeps in step on every write (service_assessment_stats,
 * service_assessment_months) are built at the end by one aggregate INSERT … SELECT each over the
 * inserted rows, which is what a recount gives.
 */
import { sql } from 'kysely';
import { insertRows, quarterly } from '../bulk.js';
import type { Rng } from '../random.js';
import { scaled } from '../scale.js';
import type { ProblemEventKind, ProblemStatus } from '../../src/modules/assessment/assessment.model.js';
import type { DatasetGenerator } from './types.js';

const DAY = 86_400_000;
const COMPLETIONS = ['yes', 'partly', 'no'] as const;
const USAGES = ['alone', 'helped', 'dps'] as const;
const CATEGORIES = ['broken_link', 'error_message', 'inaccessible', 'outdated', 'other'] as const;

type Locale = 'en' | 'fr';
/** Review phrases by tone (0: unhappy, 1: mixed, 2: happy): an opening, a detail, an ending. */
const REVIEW: Record<Locale, [string[], string[], string[]][]> = {
  en: [
    [
      ['I gave up halfway.', 'This was hard work.', 'Not good enough.', 'Very frustrating.'],
      [
        'The form timed out while I was uploading my documents',
        'I could not find where to start',
        'The page kept showing an error when I sent it',
        'The text is too small and the zoom breaks the page',
      ],
      ['and I had to phone in the end.', 'so I went to the town hall instead.', 'and nobody answered my email.'],
    ],
    [
      ['It works, more or less.', 'Not bad, but it could be simpler.', 'I got there in the end.'],
      [
        'Some questions were hard to understand',
        'I needed help from the Digital Public Space for one step',
        'It took three tries to upload the proof of address',
      ],
      ['but the answer came quickly.', 'and the confirmation email was clear.', 'though I am still waiting for a reply.'],
    ],
    [
      ['Quick and easy.', 'Very well done.', 'Much simpler than before.', 'Perfect.'],
      [
        'I did it on my phone in ten minutes',
        'The questions were clear and it saved my answers',
        'Everything was explained in plain words',
      ],
      ['Thank you!', 'and I got an answer within a week.', 'I would recommend it.'],
    ],
  ],
  fr: [
    [
      ['J’ai abandonné en cours de route.', 'Très compliqué.', 'Pas à la hauteur.', 'Vraiment pénible.'],
      [
        'Le formulaire s’est fermé pendant l’envoi de mes justificatifs',
        'Je n’ai pas trouvé par où commencer',
        'La page affichait une erreur au moment de valider',
        'Les caractères sont petits et le zoom casse la page',
      ],
      ['et j’ai fini par téléphoner.', 'alors je suis allé à la mairie.', 'et personne n’a répondu à mon courriel.'],
    ],
    [
      ['Ça marche, à peu près.', 'Correct, mais pourrait être plus simple.', 'J’y suis arrivée au bout du compte.'],
      [
        'Certaines questions sont difficiles à comprendre',
        'J’ai eu besoin de l’espace public numérique pour une étape',
        'Il a fallu trois essais pour envoyer le justificatif de domicile',
      ],
      ['mais la réponse est arrivée vite.', 'et le courriel de confirmation était clair.', 'et j’attends encore une réponse.'],
    ],
    [
      ['Simple et rapide.', 'Très bien fait.', 'Bien plus simple qu’avant.', 'Parfait.'],
      [
        'Je l’ai fait sur mon téléphone en dix minutes',
        'Les questions sont claires et mes réponses étaient enregistrées',
        'Tout est expliqué avec des mots simples',
      ],
      ['Merci !', 'et j’ai eu une réponse en une semaine.', 'Je recommande.'],
    ],
  ],
};
const ANSWERS: Record<Locale, string[]> = {
  en: [
    'Thank you for your review. We have passed it on to the team that runs this service.',
    'We are sorry about this. The problem was fixed last month; please tell us if it happens again.',
    'Thank you. The Digital Public Spaces can help you with this step, free of charge.',
  ],
  fr: [
    'Merci pour votre avis. Nous l’avons transmis à l’équipe qui gère ce service.',
    'Nous en sommes désolés. Le problème a été corrigé le mois dernier ; dites-nous s’il se reproduit.',
    'Merci. Les espaces publics numériques peuvent vous aider gratuitement pour cette étape.',
  ],
};
const DESCRIPTIONS = [
  'The link to the form leads to a page that does not exist.',
  'I get an error message when I send the form.',
  'The page cannot be used with a screen reader: the buttons have no names.',
  'The page still gives last year’s amounts and dates.',
  'Le bouton « Valider » ne répond pas sur mon téléphone.',
  'La liste des pièces à fournir n’est plus à jour.',
  'Impossible de joindre un justificatif de plus de 2 Mo.',
];
const NOTES = [
  'Thank you, we are looking into it.',
  'Fixed: thank you for telling us.',
  'Merci, le problème est transmis à notre prestataire.',
  'Corrigé. Merci de votre signalement.',
];

/** Draws indices with probability ∝ 1 / (rank + 10): a few popular services, a long tail. */
function skewedPicker(rng: Rng, n: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 10);
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));
const iso = (ms: number) => new Date(ms).toISOString();

export const assessmentGenerator: DatasetGenerator = {
  name: 'assessment',
  async generate(ctx) {
    const { rng, handle, db, factor, dataset } = ctx;
    const now = ctx.now.getTime();
    const services = (
      await db.selectFrom('services').select(['id', 'slug', 'organisation_id']).where('status', '=', 'published').orderBy('id').execute()
    )
      // The popular ones are anywhere in the catalogue, not the first created.
      .map((s) => ({ ...s, order: rng.next() }))
      .sort((a, b) => a.order - b.order);
    const people = await db
      .selectFrom('users')
      .select(['id', 'locale'])
      .where('email_verified_at', 'is not', null)
      .where('blocked_at', 'is', null)
      .orderBy('id')
      .execute();
    if (services.length === 0 || people.length === 0) throw new Error('assessment generator: no published services or verified users');
    const officials = new Map<number, number>();
    for (const r of await db
      .selectFrom('user_roles')
      .select(['user_id', 'scope_id'])
      .where('role', '=', 'official')
      .orderBy('user_id')
      .execute())
      if (!officials.has(r.scope_id)) officials.set(r.scope_id, r.user_id);
    // Each service's quality: what its scores gather around.
    const quality = services.map(() => 1.8 + rng.next() * 2.9);
    const pickService = skewedPicker(rng, services.length);

    // ---- Assessments, held compactly (typed arrays) and turned into rows while inserting.
    const count = Math.min(scaled(200_000, factor), Math.floor(services.length * people.length * 0.5));
    const svc = new Int32Array(count);
    const who = new Int32Array(count);
    const scores = new Uint8Array(count * 5);
    const completion = new Uint8Array(count);
    const usage = new Uint8Array(count);
    const created = new Float64Array(count);
    const updated = new Float64Array(count);
    const version = new Uint8Array(count);
    const review = new Int16Array(count * 3).fill(-1);
    const locale = new Uint8Array(count);
    const helpful = new Uint8Array(count);
    const answered = new Int8Array(count).fill(-1);
    const taken = new Set<number>();
    for (let i = 0; i < count; i++) {
      let s: number;
      let p: number;
      do {
        s = pickService();
        p = rng.int(0, people.length - 1);
      } while (taken.has(s * people.length + p));
      taken.add(s * people.length + p);
      svc[i] = s;
      who[i] = p;
      const mood = quality[s]! + (rng.next() - 0.5) * 2.4;
      scores[i * 5] = clamp(mood);
      for (let k = 1; k < 5; k++) scores[i * 5 + k] = clamp(mood + (rng.next() - 0.5) * 1.6);
      const sat = scores[i * 5]!;
      completion[i] = sat >= 4 ? (rng.chance(0.9) ? 0 : 1) : sat === 3 ? rng.int(0, 1) : rng.chance(0.5) ? 2 : 1;
      usage[i] = USAGES.indexOf(rng.weighted({ alone: 65, helped: 20, dps: 15 }));
      created[i] = now - Math.floor(rng.next() * 730 * DAY);
      version[i] = rng.chance(0.12) ? 2 : 1;
      updated[i] = version[i] === 2 ? created[i]! + Math.floor(rng.next() * (now - created[i]!)) : created[i]!;
      locale[i] = people[p]!.locale === 'en' ? 0 : 1;
      if (rng.chance(0.3)) {
        const tone = sat <= 2 ? 0 : sat === 3 ? 1 : 2;
        const [a, b, c] = REVIEW[locale[i] ? 'fr' : 'en'][tone]!;
        review[i * 3] = tone * 100 + rng.int(0, a.length - 1);
        review[i * 3 + 1] = rng.int(0, b.length - 1);
        review[i * 3 + 2] = rng.int(0, c.length - 1);
        helpful[i] = rng.chance(0.35) ? rng.int(1, 6) : 0;
        if (rng.chance(0.08) && officials.has(services[s]!.organisation_id)) answered[i] = rng.int(0, 2);
      }
    }
    const reviewText = (i: number): string | null => {
      if (review[i * 3]! < 0) return null;
      const tone = Math.floor(review[i * 3]! / 100);
      const [a, b, c] = REVIEW[locale[i] ? 'fr' : 'en'][tone]!;
      return `${a[review[i * 3]! % 100]} ${b[review[i * 3 + 1]!]} ${c[review[i * 3 + 2]!]}`;
    };
    const scored = (i: number) => ({
      satisfaction: scores[i * 5]!,
      find_score: scores[i * 5 + 1]!,
      use_score: scores[i * 5 + 2]!,
      works_score: scores[i * 5 + 3]!,
      accessible_score: scores[i * 5 + 4]!,
      completion: COMPLETIONS[completion[i]!]!,
      usage: USAGES[usage[i]!]!,
    });
    function* assessments() {
      for (let i = 0; i < count; i++) {
        const text = reviewText(i);
        const service = services[svc[i]!]!;
        const answer = answered[i]! >= 0;
        yield {
          service_id: service.id,
          user_id: people[who[i]!]!.id,
          ...scored(i),
          review: text,
          review_locale: text ? (locale[i] ? 'fr' : 'en') : null,
          helpful_count: helpful[i]!,
          answer: answer ? ANSWERS[locale[i] ? 'fr' : 'en'][answered[i]!]! : null,
          answer_by: answer ? officials.get(service.organisation_id)! : null,
          answered_at: answer ? iso(Math.min(now, updated[i]! + rng.int(1, 20) * DAY)) : null,
          version: version[i]!,
          created_at: iso(created[i]!),
          updated_at: iso(updated[i]!),
        };
      }
    }
    dataset.counts.assessments = await insertRows(handle, 'assessments', assessments(), quarterly(ctx.log, 'assessments', count));
    // Later rows point at assessments by id: on this fresh table they are 1…count in insertion order. Check it.
    const ids = await db.selectFrom('assessments').select(['id', 'service_id', 'user_id']).orderBy('id').execute();
    if (
      ids.length !== count ||
      ids.some((r, i) => r.id !== i + 1 || r.service_id !== services[svc[i]!]!.id || r.user_id !== people[who[i]!]!.id)
    )
      throw new Error('assessment generator: assessment ids are not 1…n in insertion order');

    function* versions() {
      for (let i = 0; i < count; i++) {
        const current = { assessment_id: i + 1, ...scored(i), review: reviewText(i) };
        if (version[i] === 2) {
          // The first version: a little different, without the review's latest wording.
          yield {
            ...current,
            version: 1,
            satisfaction: clamp(current.satisfaction + (rng.chance(0.5) ? -1 : 1)),
            created_at: iso(created[i]!),
          };
        }
        yield { ...current, version: version[i]!, created_at: iso(updated[i]!) };
      }
    }
    dataset.counts.assessment_versions = await insertRows(
      handle,
      'assessment_versions',
      versions(),
      quarterly(ctx.log, 'assessment_versions', count),
    );

    function* marks() {
      for (let i = 0; i < count; i++) {
        if (!helpful[i]) continue;
        const seen = new Set<number>([who[i]!]);
        while (seen.size <= helpful[i]!) {
          const p = rng.int(0, people.length - 1);
          if (seen.has(p)) continue;
          seen.add(p);
          yield { assessment_id: i + 1, user_id: people[p]!.id, created_at: iso(Math.min(now, updated[i]! + rng.int(0, 60) * DAY)) };
        }
      }
    }
    dataset.counts.review_helpful_marks = await insertRows(handle, 'review_helpful_marks', marks());

    // ---- Problem reports, oldest first (ids 1…n follow creation), with their timelines.
    const reportCount = scaled(20_000, factor);
    const reportTimes = Array.from({ length: reportCount }, () => now - Math.floor(rng.next() * 540 * DAY)).sort((a, b) => a - b);
    const openByService = new Map<number, number[]>();
    type Report = {
      service: number;
      status: ProblemStatus;
      duplicateOf: number | null;
      at: number;
      steps: [number, ProblemStatus, string | null][];
    };
    const reports: Report[] = [];
    const events: {
      report_id: number;
      actor_id: number | null;
      kind: ProblemEventKind;
      status_from: ProblemStatus | null;
      status_to: ProblemStatus | null;
      note: string | null;
      created_at: string;
    }[] = [];
    for (let r = 0; r < reportCount; r++) {
      const s = pickService();
      const at = reportTimes[r]!;
      const age = now - at;
      let status: ProblemStatus = rng.weighted({ open: 15, acknowledged: 10, in_progress: 10, fixed: 45, wont_fix: 10, duplicate: 10 });
      const earlier = openByService.get(s) ?? [];
      if (status === 'duplicate' && earlier.length === 0) status = 'open';
      // Younger reports are more often still open.
      if (age < 7 * DAY && status !== 'duplicate') status = rng.chance(0.7) ? 'open' : 'acknowledged';
      const path: Record<ProblemStatus, ProblemStatus[]> = {
        open: [],
        acknowledged: ['acknowledged'],
        in_progress: rng.chance(0.5) ? ['acknowledged', 'in_progress'] : ['in_progress'],
        fixed: rng.chance(0.5) ? ['acknowledged', 'fixed'] : ['acknowledged', 'in_progress', 'fixed'],
        wont_fix: ['wont_fix'],
        duplicate: ['duplicate'],
      };
      let t = at;
      const steps: [number, ProblemStatus, string | null][] = path[status].map((to) => {
        t = Math.min(now, t + Math.floor(rng.next() * Math.max(DAY, (now - t) / 3)));
        return [t, to, to === 'fixed' || to === 'wont_fix' || rng.chance(0.3) ? rng.pick(NOTES) : null];
      });
      const duplicateOf = status === 'duplicate' ? rng.pick(earlier) : null;
      if (status !== 'duplicate') openByService.set(s, [...earlier, r + 1]);
      reports.push({ service: s, status, duplicateOf, at, steps });
    }
    const staffOf = (s: number) => officials.get(services[s]!.organisation_id) ?? null;
    function* reportRows() {
      for (const [r, report] of reports.entries()) {
        const fixed = report.steps.find(([, to]) => to === 'fixed');
        const last = report.steps.at(-1);
        const source: 'open311' | 'web' = rng.chance(0.1) ? 'open311' : 'web';
        yield {
          service_id: services[report.service]!.id,
          category: rng.pick(CATEGORIES),
          description: rng.pick(DESCRIPTIONS),
          status: report.status,
          duplicate_of: report.duplicateOf,
          reporter_id: source === 'web' ? people[rng.int(0, people.length - 1)]!.id : null,
          contact_email: null,
          contact_name: null,
          locale: rng.chance(0.7) ? 'fr' : 'en',
          source,
          client_id: null,
          token: `bench${String(r + 1).padStart(7, '0')}${rng.int(100_000, 999_999)}`,
          address: null,
          latitude: null,
          longitude: null,
          created_at: iso(report.at),
          updated_at: iso(last ? last[0] : report.at),
          first_answer_at: report.steps[0] ? iso(report.steps[0][0]) : null,
          fixed_at: fixed ? iso(fixed[0]) : null,
          follow_up_sent_at: fixed && now - fixed[0] > 28 * DAY ? iso(fixed[0] + 28 * DAY) : null,
        };
      }
    }
    dataset.counts.problem_reports = await insertRows(
      handle,
      'problem_reports',
      reportRows(),
      quarterly(ctx.log, 'problem_reports', reportCount),
    );
    const reportIds = await db.selectFrom('problem_reports').select('id').orderBy('id').execute();
    if (reportIds.length !== reportCount || reportIds.some((row, i) => row.id !== i + 1))
      throw new Error('assessment generator: report ids are not 1…n in insertion order');
    for (const [r, report] of reports.entries()) {
      const id = r + 1;
      events.push({
        report_id: id,
        actor_id: null,
        kind: 'created',
        status_from: null,
        status_to: 'open',
        note: null,
        created_at: iso(report.at),
      });
      let from: ProblemStatus = 'open';
      for (const [at, to, note] of report.steps) {
        events.push({
          report_id: id,
          actor_id: staffOf(report.service),
          kind: 'status',
          status_from: from,
          status_to: to,
          note,
          created_at: iso(at),
        });
        if (to === 'duplicate' && report.duplicateOf !== null)
          events.push({
            report_id: report.duplicateOf,
            actor_id: staffOf(report.service),
            kind: 'merged',
            status_from: null,
            status_to: null,
            note: String(id),
            created_at: iso(at),
          });
        from = to;
      }
    }
    events.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.report_id - b.report_id));
    dataset.counts.problem_report_events = await insertRows(
      handle,
      'problem_report_events',
      events,
      quarterly(ctx.log, 'problem_report_events', events.length),
    );

    // ---- The counters, as a recount gives them: one aggregate statement per table.
    const sums = sql`count(*) as assessments, sum(satisfaction) as satisfaction_sum, sum(find_score) as find_sum,
      sum(use_score) as use_sum, sum(works_score) as works_sum, sum(accessible_score) as accessible_sum,
      sum(case when completion = 'yes' then 1 else 0 end) as completed_yes,
      sum(case when completion = 'partly' then 1 else 0 end) as completed_partly,
      sum(case when completion = 'no' then 1 else 0 end) as completed_no,
      sum(case when usage = 'alone' then 1 else 0 end) as usage_alone,
      sum(case when usage = 'helped' then 1 else 0 end) as usage_helped,
      sum(case when usage = 'dps' then 1 else 0 end) as usage_dps,
      sum(case when review is not null then 1 else 0 end) as reviews`;
    const columns = sql`assessments, satisfaction_sum, find_sum, use_sum, works_sum, accessible_sum, completed_yes,
      completed_partly, completed_no, usage_alone, usage_helped, usage_dps, reviews`;
    await sql`insert into service_assessment_stats (service_id, ${columns}, open_problems, problems, fixed_problems)
      select s.id, ${sql.raw(
        [
          'assessments',
          'satisfaction_sum',
          'find_sum',
          'use_sum',
          'works_sum',
          'accessible_sum',
          'completed_yes',
          'completed_partly',
          'completed_no',
          'usage_alone',
          'usage_helped',
          'usage_dps',
          'reviews',
        ]
          .map((c) => `coalesce(a.${c}, 0)`)
          .join(', '),
      )}, coalesce(p.open_problems, 0), coalesce(p.problems, 0), coalesce(p.fixed_problems, 0)
      from services s
      left join (select service_id, ${sums} from assessments group by service_id) a on a.service_id = s.id
      left join (
        select service_id,
          sum(case when status in ('open', 'acknowledged', 'in_progress') then 1 else 0 end) as open_problems,
          sum(case when status = 'duplicate' then 0 else 1 end) as problems,
          sum(case when status = 'fixed' then 1 else 0 end) as fixed_problems
        from problem_reports group by service_id
      ) p on p.service_id = s.id
      where a.service_id is not null or p.service_id is not null`.execute(db);
    await sql`insert into service_assessment_months (service_id, month, ${columns})
      select service_id, substr(updated_at, 1, 7), ${sums} from assessments group by service_id, substr(updated_at, 1, 7)`.execute(db);
    const countOf = async (table: 'service_assessment_stats' | 'service_assessment_months') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    dataset.counts.service_assessment_stats = await countOf('service_assessment_stats');
    dataset.counts.service_assessment_months = await countOf('service_assessment_months');

    // Samples: the most assessed services (the heaviest pages), and the organisation with the most
    // published services (the heaviest dashboard).
    const perService = new Map<number, number>();
    for (let i = 0; i < count; i++) perService.set(svc[i]!, (perService.get(svc[i]!) ?? 0) + 1);
    dataset.samples.assessedService = [...perService.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 3)
      .map(([s]) => services[s]!.slug);
    const perOrganisation = new Map<number, number>();
    for (const s of services) perOrganisation.set(s.organisation_id, (perOrganisation.get(s.organisation_id) ?? 0) + 1);
    const busiest = [...perOrganisation.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    const organisation = await db.selectFrom('organisations').select('slug').where('id', '=', busiest).executeTakeFirstOrThrow();
    dataset.samples.officialOrganisation = [organisation.slug];
    ctx.log(
      `  busiest service: ${dataset.samples.assessedService[0]} (${Math.max(...perService.values()).toLocaleString('en')} assessments); ` +
        `busiest organisation: ${organisation.slug} (${perOrganisation.get(busiest)} published services)`,
    );
  },
};
