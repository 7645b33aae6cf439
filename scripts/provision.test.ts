/** scripts/provision.mjs: what it installs, when, and what it tells people it cannot help. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, provision, ProvisionError } from './provision.mjs';

type Call = [string, string[]];

function machine(over: { chromium?: boolean; java?: boolean; root?: boolean; debian?: boolean; installs?: boolean } = {}) {
  const state = { chromium: over.chromium ?? true, java: over.java ?? true };
  const calls: Call[] = [];
  const system = {
    exists: (file: string) => (file === DEFAULT_CHROMIUM_PATH ? state.chromium : false),
    javaWorks: () => state.java,
    isRoot: () => over.root ?? true,
    isDebian: () => over.debian ?? true,
    run: (command: string, args: string[]) => {
      calls.push([command, args]);
      if (args[0] === 'install' && over.installs !== false) {
        if (args.includes('chromium')) state.chromium = true;
        if (args.includes('default-jre-headless')) state.java = true;
      }
    },
  };
  return { system, calls };
}

const quiet = () => {};

describe('provision', () => {
  it('does nothing when Chromium and Java are there', () => {
    const m = machine();
    expect(provision({ env: {}, log: quiet, system: m.system })).toMatchObject({
      chromium: DEFAULT_CHROMIUM_PATH,
      java: 'java',
      installed: [],
    });
    expect(m.calls).toEqual([]);
  });

  it('installs what is missing with apt-get on Debian as root, updating the lists first', () => {
    const m = machine({ chromium: false, java: false });
    expect(provision({ env: {}, log: quiet, system: m.system }).installed).toEqual([
      'chromium',
      'fonts-liberation',
      'default-jre-headless',
    ]);
    expect(m.calls).toEqual([
      ['apt-get', ['update']],
      ['apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation', 'default-jre-headless']],
    ]);
  });

  it('installs only Java when only Java is missing', () => {
    const m = machine({ java: false });
    provision({ env: {}, log: quiet, system: m.system });
    expect(m.calls[1]).toEqual(['apt-get', ['install', '-y', '--no-install-recommends', 'default-jre-headless']]);
  });

  it('says exactly what to install when it is not root', () => {
    const m = machine({ chromium: false, root: false });
    expect(() => provision({ env: {}, log: quiet, system: m.system })).toThrow(ProvisionError);
    expect(() => provision({ env: {}, log: quiet, system: m.system })).toThrow(
      /sudo apt-get update && sudo apt-get install -y chromium fonts-liberation\n.*CHROMIUM_PATH/,
    );
    expect(m.calls).toEqual([]);
  });

  it('points elsewhere to CHROMIUM_PATH and JAVA_HOME instead of apt-get', () => {
    const m = machine({ chromium: false, java: false, debian: false });
    let message = '';
    try {
      provision({ env: {}, log: quiet, system: m.system });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/CHROMIUM_PATH/);
    expect(message).toMatch(/JAVA_HOME/);
    expect(message).not.toMatch(/apt-get/);
    expect(m.calls).toEqual([]);
  });

  it('refuses a CHROMIUM_PATH that does not exist rather than installing another browser', () => {
    const m = machine();
    expect(() => provision({ env: { CHROMIUM_PATH: '/opt/nowhere/chrome' }, log: quiet, system: m.system })).toThrow(
      /CHROMIUM_PATH is set to \/opt\/nowhere\/chrome/,
    );
    expect(m.calls).toEqual([]);
  });

  it('fails clearly when apt-get ran but the browser is still missing', () => {
    const m = machine({ chromium: false, installs: false });
    expect(() => provision({ env: {}, log: quiet, system: m.system })).toThrow(/still does not exist/);
  });
});
