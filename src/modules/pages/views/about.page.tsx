/** About E-COOP: why it exists, the four ways to take part, who runs it. */
import { useUi } from '../../../ui/context.js';

export function AboutPage() {
  const { t } = useUi();
  const territory = t('meta.territory');
  return (
    <article class="prose">
      <h1>{t('about.title')}</h1>
      <p class="lead">{t('about.lead', { territory })}</p>
      <h2>{t('about.whyHeading')}</h2>
      <p>{t('about.why1')}</p>
      <p>{t('about.why2')}</p>
      <h2>{t('about.fourHeading')}</h2>
      <p>{t('about.fourIntro')}</p>
      <ul>
        <li>{t('about.coAssessment')}</li>
        <li>{t('about.coDesign')}</li>
        <li>{t('about.coDelivery')}</li>
        <li>{t('about.coCommissioning')}</li>
      </ul>
      <h2>{t('about.whoHeading')}</h2>
      <p>{t('about.who', { territory })}</p>
      <h2>{t('about.openHeading')}</h2>
      <p>{t('about.open')}</p>
    </article>
  );
}
