import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../electron/main/appProtocol.ts';
import { DEFAULT_DEVICE_CONFIG, parseDeviceConfig, publicConfig } from '../../electron/main/deviceConfig.ts';
import { CONFIG_ARG, decodeConfigArg, DEFAULT_PUBLIC_CONFIG, encodeConfigArg } from '../../shared/ipc/configArg.ts';

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

describe('the config argument to the preload', () => {
  it('carries the public configuration and the app version, Vietnamese names included', () => {
    const config = { ...publicConfig(DEFAULT_DEVICE_CONFIG), serverUrl: 'http://10.0.0.5:8787', printer: 'Máy in quầy 1' };
    const arg = encodeConfigArg({ config, version: '1.4.2' });
    expect(arg.startsWith(CONFIG_ARG)).toBe(true);
    expect(decodeConfigArg(['electron', '--type=renderer', arg])).toEqual({ config, version: '1.4.2' });
  });
  it('falls back to the defaults when the argument is missing or broken', () => {
    expect(decodeConfigArg([])).toEqual({ config: DEFAULT_PUBLIC_CONFIG, version: '0.0.0' });
    expect(decodeConfigArg([`${CONFIG_ARG}not-base64!`])).toEqual({ config: DEFAULT_PUBLIC_CONFIG, version: '0.0.0' });
    expect(decodeConfigArg([`${CONFIG_ARG}${btoa('null')}`])).toEqual({ config: DEFAULT_PUBLIC_CONFIG, version: '0.0.0' });
    expect(DEFAULT_DEVICE_CONFIG).toMatchObject(DEFAULT_PUBLIC_CONFIG);
  });
});
