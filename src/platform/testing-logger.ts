/**
 * A logger for tests that keeps every entry, so a test can assert what was logged (job ids) and,
 * above all, what was not (payloads, addresses). Shaped like Fastify's logger; children share the
 * parent's record with their bindings merged in.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface LogEntry {
  level: string;
  bindings: Record<string, unknown>;
  args: unknown[];
}

/** A logger that records everything into `entries`; `text()` is all of it serialised, for `not.toContain`. */
export function recordingLogger(): FastifyBaseLogger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const make = (bindings: Record<string, unknown>): FastifyBaseLogger => {
    const at =
      (level: string) =>
      (...args: unknown[]) =>
        void entries.push({ level, bindings, args });
    return {
      level: 'trace',
      fatal: at('fatal'),
      error: at('error'),
      warn: at('warn'),
      info: at('info'),
      debug: at('debug'),
      trace: at('trace'),
      silent: () => undefined,
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    } as unknown as FastifyBaseLogger;
  };
  return Object.assign(make({}), {
    entries,
    text: () => JSON.stringify(entries, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v)),
  });
}
