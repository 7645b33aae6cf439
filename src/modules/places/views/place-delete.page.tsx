/**
 * Deleting a place (admins): what goes with it, and the confirmation button; or, while people still
 * hold bookings or registrations to come, why it cannot be deleted yet. Pure.
 */
import { Breadcrumbs, Button, CsrfField } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';

export interface PlaceDeletePageProps {
  place: { slug: string; name: string };
  pending: { bookings: number; registrations: number };
}

export function PlaceDeletePage({ place, pending }: PlaceDeletePageProps) {
  const { t, href } = useUi();
  const blocked = pending.bookings + pending.registrations > 0;
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('placesManage.list.title'), href: href('/manage/places') },
          { label: place.name, href: href(`/manage/places/${place.slug}`) },
          { label: t('placesManage.delete.crumb') },
        ]}
      />
      <h1>{t('placesManage.delete.title', { name: place.name })}</h1>
      {blocked ? (
        <>
          <p id="place-delete-blocked">{t('placesManage.delete.blocked', pending)}</p>
          <ul>
            <li>
              <a href={href(`/manage/places/${place.slug}/workshops`)}>{t('placesManage.list.workshops')}</a>
            </li>
            <li>
              <a href={href(`/manage/places/${place.slug}/slots`)}>{t('placesManage.list.slots')}</a>
            </li>
          </ul>
        </>
      ) : (
        <>
          <p>{t('placesManage.delete.warning')}</p>
          <form method="post" action={href(`/manage/places/${place.slug}/delete`)}>
            <CsrfField />
            <div class="button-group">
              <Button variant="warning">{t('placesManage.delete.confirm', { name: place.name })}</Button>
              <a href={href(`/manage/places/${place.slug}`)}>{t('placesManage.delete.cancel')}</a>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
