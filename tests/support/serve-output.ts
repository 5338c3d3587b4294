import type { ChildProcess } from 'node:child_process';

/** The line `smartspaces serve` prints once it listens (see src/server/main.ts). */
const RUNNING_AT = /^Smart Spaces is running at (\S+)$/m;

/**
 * The address a `smartspaces serve` child process prints once it listens.
 * The child is started with PORT=0 and its stdout piped, so the system picks
 * a free port and no other process can take it first. Standard output keeps
 * being read afterwards so that the child never blocks on a full pipe.
 */
export function printedAddress(child: ChildProcess, limitMs: number): Promise<string> {
  const stdout = child.stdout;
  if (!stdout) return Promise.reject(new Error('The server was started without a stdout pipe'));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`The server printed no address within ${limitMs / 1000} s:\n${output}`)), limitMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const address = RUNNING_AT.exec(output)?.[1];
      if (!address) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining what the server prints, without holding on to it.
      stdout.off('data', onData);
      stdout.resume();
      resolve(address);
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.off('exit', onExit);
      stdout.resume();
      reject(error);
    };
    const onExit = (code: number | null) => fail(new Error(`The server exited with ${code} before it printed its address:\n${output}`));
    stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
