import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SERVER_ENTRY = join(ROOT, 'dist', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then wait for the exit; resolves the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs the built server (`dist/main.js`, what `npm start` runs) as its own process, the way a
 * newcomer or a container does. NestJS 12 ships as ES modules, which Jest cannot load on Node 20,
 * so end-to-end specs talk to a real process over HTTP rather than to an in-process app.
 */
export function startServerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number; readyWhen?: RegExp } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${options.timeoutMs ?? 60000} ms:\n${output}`));
    }, options.timeoutMs ?? 60000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // JSON lines or readable ones (development): the message names the address either way.
      const match = /Maillage is listening on (http:\/\/[\w.:[\]-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString('utf8')));
        resolve({
          child,
          url: match[1],
          output: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });
}
