/**
 * The Electron fuses flipped in every packaged build (pure data + path logic; afterPack.ts applies
 * them): no Node mode, no inspector, no NODE_OPTIONS, only the integrity-checked app.asar.
 */
export const FUSE_SETTINGS = {
  RunAsNode: false,
  EnableNodeCliInspectArguments: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
} as const;

export type FuseName = keyof typeof FUSE_SETTINGS;

/** Where the packed Electron binary sits for electron-builder's afterPack context. */
export function electronBinaryPath(platform: string, appOutDir: string, productFilename: string, executableName: string): string {
  const sep = appOutDir.includes('\\') && !appOutDir.includes('/') ? '\\' : '/';
  switch (platform) {
    case 'win32':
      return `${appOutDir}${sep}${productFilename}.exe`;
    case 'darwin':
    case 'mas':
      return `${appOutDir}/${productFilename}.app`;
    default:
      return `${appOutDir}${sep}${executableName}`;
  }
}
