// Reads the project's Dockerfile into its stages and steps, and copies what a COPY copies, honouring
// .dockerignore, so that .ci/dockerfile-steps.ts and test/hosting/clean-install.e2e.test.ts run the
// steps as the file writes them instead of a list of their own. Covers the instructions the
// Dockerfile uses (ARG, FROM, WORKDIR, ENV, COPY [--from], RUN, USER, VOLUME, EXPOSE, HEALTHCHECK,
// CMD); anything else is refused, so a new instruction is noticed.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

export type DockerfileStep =
  | { kind: 'copy'; from: string | null; sources: string[]; destination: string }
  | { kind: 'run'; command: string }
  | { kind: 'user' | 'volume' | 'expose'; value: string };

export interface DockerfileStage {
  name: string;
  base: string;
  workdir: string;
  env: Record<string, string>;
  steps: DockerfileStep[];
  /** The exec-form CMD of HEALTHCHECK, and of the stage. */
  healthcheck: string[] | null;
  cmd: string[] | null;
}

/** Lines joined where they end with a backslash, comments and blank lines left out. */
function instructions(text: string): string[] {
  const joined: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    joined.push(`${current}${line}`.trim());
    current = '';
  }
  if (current.trim() !== '') joined.push(current.trim());
  return joined;
}

function substitute(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => args[braced ?? bare ?? ''] ?? whole);
}

export function readDockerfile(path: string): DockerfileStage[] {
  const args: Record<string, string> = {};
  const stages: DockerfileStage[] = [];
  for (const instruction of instructions(readFileSync(path, 'utf8'))) {
    const [keyword = '', ...restWords] = instruction.split(/\s+/);
    const rest = instruction.slice(keyword.length).trim();
    const stage = stages.at(-1);
    const inStage = () => {
      if (!stage) throw new Error(`${keyword} before FROM in ${path}`);
      return stage;
    };
    switch (keyword.toUpperCase()) {
      case 'ARG': {
        const [name = '', value = ''] = rest.split('=');
        args[name] = value;
        break;
      }
      case 'FROM': {
        const [base = '', as, name] = restWords;
        stages.push({
          name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length),
          base: substitute(base, args),
          workdir: '/',
          env: {},
          steps: [],
          healthcheck: null,
          cmd: null,
        });
        break;
      }
      case 'WORKDIR':
        inStage().workdir = rest;
        break;
      case 'ENV':
        for (const pair of rest.split(/\s+/)) {
          const at = pair.indexOf('=');
          if (at <= 0) throw new Error(`ENV without name=value in ${path}: ${instruction}`);
          inStage().env[pair.slice(0, at)] = pair.slice(at + 1);
        }
        break;
      case 'COPY': {
        const words = [...restWords];
        const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : null;
        if (words.some((word) => word.startsWith('--'))) throw new Error(`COPY option not covered in ${path}: ${instruction}`);
        const destination = words.pop();
        if (!destination || words.length === 0) throw new Error(`COPY without source or destination in ${path}: ${instruction}`);
        inStage().steps.push({ kind: 'copy', from, sources: words, destination });
        break;
      }
      case 'RUN':
        inStage().steps.push({ kind: 'run', command: rest });
        break;
      case 'USER':
      case 'VOLUME':
      case 'EXPOSE':
        inStage().steps.push({ kind: keyword.toLowerCase() as 'user' | 'volume' | 'expose', value: rest });
        break;
      case 'HEALTHCHECK': {
        const cmdAt = rest.search(/\bCMD\s+\[/);
        if (cmdAt < 0) throw new Error(`HEALTHCHECK without an exec-form CMD in ${path}`);
        inStage().healthcheck = JSON.parse(rest.slice(cmdAt + 'CMD'.length).trim()) as string[];
        break;
      }
      case 'CMD':
        if (!rest.startsWith('[')) throw new Error(`CMD in shell form in ${path}: ${instruction}`);
        inStage().cmd = JSON.parse(rest) as string[];
        break;
      default:
        throw new Error(`Dockerfile instruction not covered: ${keyword}`);
    }
  }
  return stages;
}

/** The .dockerignore patterns as a test of a path relative to the build context (the last match wins). */
export function dockerignore(contextRoot: string): (relativePath: string) => boolean {
  const file = join(contextRoot, '.dockerignore');
  const rules = (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [])
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = (include ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const source = pattern
        .split('**')
        .map((part) => part.replace(/[.+^$()|{}[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
        .join('.*');
      // A pattern that names a folder excludes everything in it.
      return { include, test: new RegExp(`^${source}(/.*)?$`) };
    });
  return (relativePath) => {
    let ignored = false;
    for (const rule of rules) if (rule.test.test(relativePath)) ignored = !rule.include;
    return ignored;
  };
}

/**
 * Copies one COPY step into a stage folder that stands for the stage's WORKDIR, as Docker does: a
 * folder's contents go into the destination, a file into it when the destination is a folder (ends
 * with / or several sources). Sources come from the context (less .dockerignore'd paths) or, with
 * --from, from that stage's folder, where the stage's WORKDIR stands for the folder.
 */
export function copyStep(
  step: Extract<DockerfileStep, { kind: 'copy' }>,
  into: { folder: string; workdir: string },
  from: { contextRoot: string } | { folder: string; workdir: string },
): string[] {
  const ignored = 'contextRoot' in from ? dockerignore(from.contextRoot) : () => false;
  const root = 'contextRoot' in from ? from.contextRoot : from.folder;
  const sourcePath = (source: string) => {
    if ('contextRoot' in from) return join(root, source);
    const inWorkdir = relative(from.workdir, source);
    if (inWorkdir.startsWith('..')) throw new Error(`COPY --from reads outside the stage's WORKDIR: ${source}`);
    return join(root, inWorkdir);
  };
  const destinationPath = (() => {
    const inWorkdir = step.destination.startsWith('/') ? relative(into.workdir, step.destination) : step.destination;
    if (inWorkdir.startsWith('..')) throw new Error(`COPY writes outside the stage's WORKDIR: ${step.destination}`);
    return join(into.folder, inWorkdir);
  })();
  const intoFolder = step.destination.endsWith('/') || step.sources.length > 1;
  const copied: string[] = [];
  for (const source of step.sources) {
    const path = sourcePath(source);
    if (!existsSync(path)) throw new Error(`COPY source missing: ${source}`);
    const filter = (candidate: string) => !ignored(relative(root, candidate));
    if (statSync(path).isDirectory()) {
      mkdirSync(destinationPath, { recursive: true });
      for (const entry of readdirSync(path)) cpSync(join(path, entry), join(destinationPath, entry), { recursive: true, filter, verbatimSymlinks: true });
    } else if (filter(path)) {
      const target = intoFolder ? join(destinationPath, basename(path)) : destinationPath;
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
    copied.push(relative(into.folder, intoFolder && !statSync(path).isDirectory() ? join(destinationPath, basename(path)) : destinationPath) || '.');
  }
  return copied;
}
