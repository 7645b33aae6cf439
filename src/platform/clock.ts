/**
 * The app's clock: what pages that change with time ("open now", upcoming workshops, free slots)
 * take as "now", and what the page cache and shared page bodies compare their expiry with. The
 * real time by default; tests set a fixed or moving instant per app (`setClock(app.config, …)`),
 * and the caches then expire by that clock, so moving it never leaves a stale page behind.
 */
import type { Config } from '../config.js';

const clocks = new WeakMap<Config, () => Date>();

/** Sets the clock an app reads "now" from (tests); `null` goes back to the real time. */
export function setClock(config: Config, now: (() => Date) | null): void {
  if (now) clocks.set(config, now);
  else clocks.delete(config);
}

/** The current instant for this app. */
export function appNow(config: Config): Date {
  return clocks.get(config)?.() ?? new Date();
}

/** The start of the minute after `now`, in epoch milliseconds: until then, a minute-precise clock reading holds. */
export function nextMinute(now: Date): number {
  return (Math.floor(now.getTime() / 60_000) + 1) * 60_000;
}
