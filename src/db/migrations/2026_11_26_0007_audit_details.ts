/**
 * Audit log details: the request id (to find the request in the server logs) and the client's IP
 * address truncated to its network (IPv4 /24, IPv6 /48): enough to see where a change came from,
 * not enough to identify a person. Indexes serve the admin's filters, newest first.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('request_id', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('ip', 'text').execute();
  await db.schema.createIndex('audit_log_action_id').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_id').on('audit_log').columns(['actor_id', 'id']).execute();
}
