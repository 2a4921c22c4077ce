import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../electron/main/appProtocol.ts';
import { DEFAULT_DEVICE_CONFIG, parseDeviceConfig, publicConfig } from '../../electron/main/deviceConfig.ts';

const root = resolve('/opt/motcua/renderer');

describe('the app:// protocol', () => {
  it('serves files of the built renderer', () => {
    expect(resolveAppPath(root, 'app://motcua/index.html')).toBe(resolve(root, 'index.html'));
    expect(resolveAppPath(root, 'app://motcua/assets/main-abc.js')).toBe(resolve(root, 'assets/main-abc.js'));
    expect(resolveAppPath(root, 'app://motcua/')).toBe(resolve(root, 'index.html'));
  });
  it('serves the app shell for in-app routes', () => {
    expect(resolveAppPath(root, 'app://motcua/fields')).toBe(resolve(root, 'index.html'));
  });
  it('refuses to leave the renderer folder or serve another host', () => {
    // The URL parser already folds the dots; what is left stays inside the folder.
    expect(resolveAppPath(root, 'app://motcua/../../etc/shadow.db')).toBe(resolve(root, 'etc/shadow.db'));
    expect(resolveAppPath(root, 'app://motcua/%2e%2e/%2e%2e/etc/shadow.db')).toBe(resolve(root, 'etc/shadow.db'));
    expect(resolveAppPath(root, 'app://motcua/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://motcua/a%00.js')).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
    expect(resolveAppPath(root, 'app://motcua/%2e%2e%5c..%5cwindows%5cwin.ini')).toBeNull();
  });
});

describe('the device configuration', () => {
  it('defaults when there is no file', () => {
    expect(parseDeviceConfig(null)).toEqual({ config: DEFAULT_DEVICE_CONFIG, problem: null });
  });
  it('takes a valid file', () => {
    const { config } = parseDeviceConfig('{"serverUrl":"http://10.0.0.5:8787","profile":"counter"}');
    expect(config).toEqual({ ...DEFAULT_DEVICE_CONFIG, serverUrl: 'http://10.0.0.5:8787', profile: 'counter' });
  });
  it('falls back with a reason on a bad file', () => {
    expect(parseDeviceConfig('{').problem).toMatch(/not valid JSON/);
    expect(parseDeviceConfig('{"serverUrl":"javascript:alert(1)"}').problem).toMatch(/rejected/);
    expect(parseDeviceConfig('{"profile":"admin"}').config).toEqual(DEFAULT_DEVICE_CONFIG);
    expect(parseDeviceConfig('{"adminPinHash":"1234"}').problem).toMatch(/hashPin/);
  });
  it('keeps the admin PIN hash and update URL out of what the renderer sees', () => {
    const { config } = parseDeviceConfig('{"adminPinHash":"scrypt$00$' + '0'.repeat(64) + '","updateUrl":"https://u.example/"}');
    expect(config.adminPinHash).toMatch(/^scrypt/);
    expect(publicConfig(config)).not.toHaveProperty('adminPinHash');
    expect(publicConfig(config)).not.toHaveProperty('updateUrl');
  });
});
