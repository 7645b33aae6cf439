/**
 * What a search that found nothing offers instead: spelling tips, the ways to browse, and people
 * who can help (a question to the community when that module exists, a Digital Public Space).
 */
import { useUi } from '../../../../ui/context.js';

/** Where help is, as the route found it (only pages that exist are linked). */
export interface HelpLinks {
  /** "Ask a question" (the help module), when it is installed. */
  ask?: string | undefined;
  /** Digital Public Spaces: their list when it exists, else the home page's "Get help near you". */
  places: string;
}

/** The "nothing found" block, under a heading of the page's outline. */
export function NoResults({ q, help, headingLevel = 2 }: { q: string; help: HelpLinks; headingLevel?: 2 | 3 }) {
  const { t, href } = useUi();
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <div class="notice" role="status">
      <Heading class="notice__title">{t('services.noResults.heading', { q })}</Heading>
      <div class="notice__body">
        <p>{t('services.noResults.tips')}</p>
        <ul>
          <li>
            <a href={href('/services')}>{t('services.noResults.browse')}</a>
          </li>
          {help.ask ? (
            <li>
              <a href={help.ask}>{t('services.noResults.ask')}</a>
            </li>
          ) : null}
          <li>
            <a href={help.places}>{t('services.noResults.places')}</a>
          </li>
        </ul>
        <p>{t('services.noResults.counted')}</p>
      </div>
    </div>
  );
}
