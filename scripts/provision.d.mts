/** Types for scripts/provision.mjs (a plain script, so that it runs before anything is built). */
export declare const DEFAULT_CHROMIUM_PATH: string;
export declare class ProvisionError extends Error {}
export interface ProvisionSystem {
  exists(file: string): boolean;
  javaWorks(env: Record<string, string | undefined>): boolean;
  isRoot(): boolean;
  isDebian(): boolean;
  run(command: string, args: string[], log: (message: string) => void): void;
}
export declare const realSystem: ProvisionSystem;
export declare function chromiumPath(env?: Record<string, string | undefined>): string;
export declare function javaCommand(env?: Record<string, string | undefined>): string;
export declare function javaWorks(env?: Record<string, string | undefined>): boolean;
export declare function provision(options?: {
  log?: (message: string) => void;
  env?: Record<string, string | undefined>;
  system?: Partial<ProvisionSystem>;
}): { chromium: string; java: string; installed: string[] };
