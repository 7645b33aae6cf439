import { describe, expect, it } from 'vitest';
import {
  emptyPlaceForm,
  placeFieldId,
  placeFormFromBody,
  placeFormFromRecord,
  placeFormServiceIds,
  placeInputFromForm,
  type PlaceFormValues,
} from './place-form.js';
import { validatePlaceInput } from './places.write.js';

const BODY = {
  name: '  Médiathèque  ',
  slug: 'ignored-when-editing',
  municipalityId: '3',
  organisationId: '',
  address: '12 rue de la République ',
  addressComplement: ' ',
  postcode: '71400',
  inseeCode: '',
  latitude: '46,7932',
  longitude: '4.4298',
  country: 'fr',
  region: 'fr-bfc',
  timeZone: 'Europe/Paris',
  openingHours: 'Mo-Fr 09:00-12:00',
  phone: '+33 3 85 00 21 10',
  email: '',
  website: 'https://example.org',
  pivot: '217 104 001 000 15',
  summary_en: 'Computers and help',
  summary_fr: '',
  details_en: '',
  details_fr: 'Détails',
  mobile: 'yes',
  services: ['admin_procedures', 'internet_access', 'admin_procedures'],
  publics: 'seniors',
  fees: ['free'],
  serviceIds: ['4', '12', 'x', '0', '4'],
  _csrf: 'token',
  action: 'save',
};

describe('place form ⇄ PlaceInput', () => {
  it('reads a posted body: texts, one or several ticked boxes, deduplicated, service ids only', () => {
    const values = placeFormFromBody(BODY);
    expect(values.name).toBe('  Médiathèque  ');
    expect(values.summary).toEqual({ en: 'Computers and help', fr: '' });
    expect(values.details).toEqual({ en: '', fr: 'Détails' });
    expect(values.mobile).toBe(true);
    expect(values.services).toEqual(['admin_procedures', 'internet_access']);
    expect(values.publics).toEqual(['seniors']);
    expect(values.specificSupport).toEqual([]);
    expect(values.serviceIds).toEqual(['4', '12']);
    expect(placeFormServiceIds(values)).toEqual([4, 12]);
  });

  it('survives a body that is not a form, arrays where texts are expected and overlong values', () => {
    const nothing = { ...emptyPlaceForm(), country: '', timeZone: '' };
    expect(placeFormFromBody(undefined)).toEqual(nothing);
    expect(placeFormFromBody('junk')).toEqual(nothing);
    const odd = placeFormFromBody({ name: ['first', 'second'], services: [{ a: 1 }, 'leisure'], address: 'a'.repeat(20_000) });
    expect(odd.name).toBe('first');
    expect(odd.services).toEqual(['leisure']);
    expect(odd.address).toHaveLength(10_000);
  });

  it('makes the PlaceInput: trimmed, empty texts null, a decimal comma, upper-case codes, no slug when editing', () => {
    const input = placeInputFromForm(placeFormFromBody(BODY), { creating: false });
    expect(input).toMatchObject({
      name: 'Médiathèque',
      municipalityId: 3,
      organisationId: null,
      address: '12 rue de la République',
      addressComplement: null,
      inseeCode: null,
      latitude: 46.7932,
      longitude: 4.4298,
      country: 'FR',
      region: 'FR-BFC',
      email: null,
      pivot: '21710400100015',
      summary: { en: 'Computers and help' },
      details: { fr: 'Détails' },
      mobile: true,
      source: null,
      services: ['admin_procedures', 'internet_access'],
    });
    expect('slug' in input).toBe(false);
    expect(validatePlaceInput(input)).toEqual([]);
    expect(placeInputFromForm(placeFormFromBody(BODY), { creating: true }).slug).toBe('ignored-when-editing');
    expect('slug' in placeInputFromForm({ ...placeFormFromBody(BODY), slug: ' ' }, { creating: true })).toBe(false);
  });

  it('turns what cannot be a number into values the write path refuses', () => {
    const values: PlaceFormValues = { ...placeFormFromBody(BODY), latitude: '46°47′', longitude: '', municipalityId: 'Mont-Rivel' };
    const input = placeInputFromForm(values, { creating: false });
    expect(Number.isNaN(input.latitude)).toBe(true);
    expect(input.longitude).toBeNull();
    expect(input.municipalityId).toBe(0);
    const fields = validatePlaceInput(input).map((e) => e.message);
    expect(fields).toContain('placeErrors.coordinatesPair');
    expect(fields).toContain('placeErrors.latitudeInvalid');
  });

  it('fills the form from a stored place, and the form gives back the same place', () => {
    const input = placeInputFromForm(placeFormFromBody(BODY), { creating: false });
    const row = {
      id: 7,
      slug: 'mediatheque',
      name: input.name,
      municipality_id: input.municipalityId,
      organisation_id: input.organisationId,
      address: input.address,
      address_complement: input.addressComplement,
      postcode: input.postcode,
      insee_code: input.inseeCode,
      latitude: input.latitude,
      longitude: input.longitude,
      country: input.country,
      region: input.region,
      time_zone: input.timeZone,
      opening_hours: input.openingHours,
      open_saturday: 0,
      open_evening: 0,
      phone: input.phone,
      email: input.email,
      website: input.website,
      pivot: input.pivot,
      summary: JSON.stringify(input.summary),
      details: JSON.stringify(input.details),
      mediation_services: JSON.stringify(input.services),
      publics: JSON.stringify(input.publics),
      specific_support: JSON.stringify(['deafness', 'not-a-code']),
      fees: JSON.stringify(input.fees),
      access_modes: '[]',
      support_modes: 'not json',
      equipment: '[]',
      accessibility: '[]',
      mobile: 1,
      source: 'import',
      external_id: 'abc-1',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
    const values = placeFormFromRecord(row, [5, 9]);
    expect(values.slug).toBe('mediatheque');
    expect(values.latitude).toBe('46.7932');
    expect(values.specificSupport).toEqual(['deafness']);
    expect(values.supportModes).toEqual([]);
    expect(values.serviceIds).toEqual(['5', '9']);
    expect(values.source).toBe('import');
    const again = placeInputFromForm(values, { creating: false });
    expect(again).toEqual({ ...input, specificSupport: ['deafness'], source: 'import', externalId: 'abc-1' });
  });

  it('names the control of each field error', () => {
    expect(placeFieldId('name')).toBe('place-name');
    expect(placeFieldId('timeZone')).toBe('place-time-zone');
    expect(placeFieldId('openingHours')).toBe('place-opening-hours');
    expect(placeFieldId('municipalityId')).toBe('place-municipality');
    expect(placeFieldId('summary')).toBe('place-summary-en');
    expect(placeFieldId('summary', 'fr')).toBe('place-summary-fr');
    expect(placeFieldId('details.fr')).toBe('place-details-fr');
    expect(placeFieldId('specificSupport')).toBe('place-specific-support');
  });
});
