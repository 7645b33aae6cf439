/**
 * The audit trail a test expects after comments were deleted: a moderator and an admin each removed
 * someone else's comment (audited with the page's slug, never the comment's text), while the
 * author's own deletion is not audited. Shared by the form and API tests of the discussion.
 */
import { expect } from 'vitest';
import type { Db } from '../../../db/database.js';

export async function expectCommentDeletesAudited(
  db: Db,
  {
    slug,
    own,
    byModerator,
    byAdmin,
    text,
  }: {
    slug: string;
    /** The comment its author deleted, and who deleted the others. */
    own: number;
    byModerator: { comment: number; userId: number };
    byAdmin: { comment: number; userId: number };
    /** Words of a deleted comment that the audit log must not hold. */
    text: string;
  },
): Promise<void> {
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_id', 'subject_id', 'data'])
    .where('action', '=', 'wiki.comment_delete')
    .where('subject_id', 'in', [String(own), String(byModerator.comment), String(byAdmin.comment)])
    .orderBy('id')
    .execute();
  expect(audit).toEqual([
    { actor_id: byModerator.userId, subject_id: String(byModerator.comment), data: expect.stringContaining(slug) },
    { actor_id: byAdmin.userId, subject_id: String(byAdmin.comment), data: expect.stringContaining(slug) },
  ]);
  for (const entry of audit) expect(entry.data).not.toContain(text);
}
