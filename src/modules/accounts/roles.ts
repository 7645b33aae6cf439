/** The roles a person can hold. A user can hold several; some apply to one organisation or place. */
export const ROLES = ['citizen', 'helper', 'mediator', 'official', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a scoped role is scoped to: mediators to places, officials to organisations. */
export const ROLE_SCOPE: Partial<Record<Role, 'place' | 'organisation'>> = {
  mediator: 'place',
  official: 'organisation',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
