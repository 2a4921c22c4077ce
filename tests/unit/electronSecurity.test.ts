import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  decidePermission,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isTrustedIpcSender,
  SECURITY_CHECKLIST,
  secureWebPreferences,
} from '../../electron/main/security.ts';
import { fakeSession, fakeWebContents } from '../support/fakeElectron.ts';

describe('web preferences', () => {
  it('sandboxes and isolates every window, with no Node and no webview', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', ['--x']);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, webSecurity: true, preload: '/app/preload.cjs' });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });
});

describe('CSP', () => {
  const csp = contentSecurityPolicy('http://10.0.0.5:8787/some/path');
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
  it('runs only the app’s own scripts, without eval or inline code', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
  });
  it('connects only to the app and the configured server origin', () => {
    expect(directive('connect-src')).toBe("connect-src 'self' http://10.0.0.5:8787");
  });
  it('allows data: images and inline styles, no plugins, no framing', () => {
    expect(directive('img-src')).toContain('data:');
    expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  });
  it('leaves out a server URL that is not http(s)', () => {
    expect(contentSecurityPolicy('javascript:alert(1)')).toContain("connect-src 'self';");
  });
  it('is sent with documents by the session, replacing a server’s own policy', () => {
    const fake = fakeSession();
    hardenSession(fake.session, csp, { allowCamera: false });
    const doc = fake.receiveHeaders({ url: 'app://motcua/', resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'] } });
    expect(doc.responseHeaders).toEqual({ 'Content-Security-Policy': [csp] });
    expect(fake.receiveHeaders({ url: 'http://10.0.0.5:8787/api', resourceType: 'xhr' })).toEqual({});
  });
});

describe('navigation', () => {
  it('stays within app://motcua', () => {
    expect(isAllowedNavigation('app://motcua/index.html#/counter')).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('app://motcua.evil.com/')).toBe(false);
    expect(isAllowedNavigation('app://user@motcua/')).toBe(false);
    expect(isAllowedNavigation('https://dichvucong.gov.vn/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });
  it('blocks navigation, redirects, new windows and webviews on a WebContents', () => {
    const fake = fakeWebContents();
    const blocked: string[] = [];
    hardenWebContents(fake.contents, (what) => blocked.push(what));
    expect(fake.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(fake.emit('will-navigate', 'app://motcua/#/fields')).toBe(false);
    expect(fake.emit('will-redirect', 'http://evil/')).toBe(true);
    expect(fake.emit('will-attach-webview')).toBe(true);
    expect(fake.open('https://dichvucong.gov.vn/')).toEqual({ action: 'deny' });
    expect(fake.open('app://motcua/')).toEqual({ action: 'deny' });
    expect(blocked).toEqual(['navigation', 'redirect', 'webview', 'window.open', 'window.open']);
  });
});

describe('permissions', () => {
  it('denies everything when the camera is not allowed', () => {
    expect(decidePermission('media', 'app://motcua/', { allowCamera: false }, ['video'])).toBe(false);
    expect(decidePermission('geolocation', 'app://motcua/', { allowCamera: true })).toBe(false);
    expect(decidePermission('notifications', 'app://motcua/', { allowCamera: true })).toBe(false);
  });
  it('grants only the camera, only to the app, when configured', () => {
    const fake = fakeSession();
    hardenSession(fake.session, 'x', { allowCamera: true });
    expect(fake.requestPermission('media', { requestingUrl: 'app://motcua/', mediaTypes: ['video'] })).toBe(true);
    expect(fake.requestPermission('media', { requestingUrl: 'app://motcua/', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(fake.requestPermission('media', { requestingUrl: 'https://evil/', mediaTypes: ['video'] })).toBe(false);
    expect(fake.requestPermission('clipboard-read', { requestingUrl: 'app://motcua/' })).toBe(false);
    expect(fake.checkPermission('media', 'app://motcua', 'video')).toBe(true);
    expect(fake.checkPermission('media', 'app://motcua', 'audio')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const top = (url: string) => ({ url, parent: null });
  it('trusts only the app page', () => {
    expect(isTrustedIpcSender(top('app://motcua/index.html'))).toBe(true);
    expect(isTrustedIpcSender(top('data:text/html,hello'))).toBe(false);
    expect(isTrustedIpcSender(top('https://evil.example/'))).toBe(false);
    expect(isTrustedIpcSender(undefined)).toBe(false);
    expect(isTrustedIpcSender(null)).toBe(false);
  });
  it('trusts only the top frame, not a subframe of the app', () => {
    expect(isTrustedIpcSender({ url: 'app://motcua/index.html', parent: top('app://motcua/index.html') })).toBe(false);
    expect(isTrustedIpcSender({ url: 'app://motcua/index.html' })).toBe(false);
  });
});

describe('the security checklist', () => {
  it('names where each item is enforced and tested', () => {
    expect(SECURITY_CHECKLIST.length).toBeGreaterThanOrEqual(10);
    for (const row of SECURITY_CHECKLIST) expect(row.where && row.test).toBeTruthy();
  });
  it('names only files that exist', () => {
    const mainDir = fileURLToPath(new URL('../../electron/main/', import.meta.url));
    const electronDir = fileURLToPath(new URL('../../electron/', import.meta.url));
    const unitDir = fileURLToPath(new URL('./', import.meta.url));
    for (const row of SECURITY_CHECKLIST) {
      // Source files (electron/main/ or electron/); a glob like ipc/*.ts names its folder.
      for (const file of row.where.match(/[\w./*-]+\.ts\b/g) ?? []) {
        const path = file.includes('*') ? file.slice(0, file.lastIndexOf('/')) : file;
        expect(existsSync(join(mainDir, path)) || existsSync(join(electronDir, path)), `${row.item}: ${file}`).toBe(true);
      }
    }
    // Tests: "electronX: describe" is tests/unit/electronX.test.ts containing that describe block; "electronX"
    // alone names the file; "typecheck" is the compiler's job.
    const named = SECURITY_CHECKLIST.filter((row) => row.test !== 'typecheck').map((row) => {
      const [testFile, block] = row.test.split(': ');
      return { row, path: join(unitDir, `${testFile}.test.ts`), block };
    });
    for (const { row, path } of named) expect(existsSync(path), `${row.item}: ${row.test}`).toBe(true);
    for (const { row, path, block } of named.filter((n) => n.block !== undefined)) {
      expect(readFileSync(path, 'utf8'), `${row.item}: ${row.test}`).toContain(`describe('${block}'`);
    }
  });
});
