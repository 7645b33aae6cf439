import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database in ./data, port 3000, demo data on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toMatchObject({ dialect: 'sqlite' });
    expect(c.database.dialect === 'sqlite' && c.database.file.endsWith('data/ecoop.sqlite')).toBe(true);
    expect(c.demoData).toBe(true);
    expect(c.rateLimits).toBe(true);
    expect(c.locales).toEqual(['en', 'fr']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL says so, and then seeds no demo data unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ecoop' });
    expect(c.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/ecoop' });
    expect(c.demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/ecoop', DEMO_DATA: 'on' }).demoData).toBe(true);
  });

  it('secures cookies when BASE_URL is https', () => {
    expect(loadConfig({ BASE_URL: 'https://ecoop.example.org/' }).secureCookies).toBe(true);
    expect(loadConfig({ BASE_URL: 'https://ecoop.example.org/' }).baseUrl).toBe('https://ecoop.example.org');
    expect(loadConfig({}).secureCookies).toBe(false);
  });

  it('reports every invalid setting at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RATE_LIMITS: 'maybe', LOCALES: 'en,de' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/RATE_LIMITS/);
      expect(problems).toMatch(/LOCALES/);
    }
  });

  it('rejects a default locale that is not offered', () => {
    expect(() => loadConfig({ LOCALES: 'fr', DEFAULT_LOCALE: 'en' })).toThrow(/DEFAULT_LOCALE/);
  });
});
