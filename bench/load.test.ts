import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepCookies } from './load.js';

describe('keepCookies', () => {
  let server: http.Server;
  let base: string;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      seen.push(request.headers.cookie);
      response.setHeader('set-cookie', ['csrf=secret; Path=/; HttpOnly; SameSite=Lax', 'session=renewed; Path=/']);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the cookies it has, and keeps what the page sets as a browser would (values only, newest wins)', async () => {
    expect(await keepCookies(`${base}/en/`, 'session=old; other=1')).toBe('other=1; csrf=secret; session=renewed');
    expect(seen.at(-1)).toBe('session=old; other=1');
  });

  it('refuses any host but the loopback', async () => {
    await expect(keepCookies('http://example.org/', 'a=b')).rejects.toThrow(/127\.0\.0\.1 only/);
  });
});
