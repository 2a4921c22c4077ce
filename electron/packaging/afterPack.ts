/** electron-builder afterPack hook (bundled to dist/packaging/afterPack.cjs): flips the fuses in FUSE_SETTINGS. */
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { electronBinaryPath, FUSE_SETTINGS, type FuseName } from './fuses.ts';

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const binary = electronBinaryPath(
    context.electronPlatformName,
    context.appOutDir,
    context.packager.appInfo.productFilename,
    // Only the Linux packager has executableName; elsewhere the product file name is the binary's.
    (context.packager as { executableName?: string }).executableName ?? context.packager.appInfo.productFilename,
  );
  const fuses = Object.fromEntries((Object.keys(FUSE_SETTINGS) as FuseName[]).map((name) => [FuseV1Options[name], FUSE_SETTINGS[name]]));
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin', ...fuses });
  console.log(`motcua: fuses set on ${binary}`);
}
