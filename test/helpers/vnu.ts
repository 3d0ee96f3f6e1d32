/**
 * @module test/helpers/vnu
 * The W3C Nu HTML Checker (vnu-jar) on rendered pages. The JVM takes seconds to start, so a test
 * collects all its pages and validates them in ONE java run.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Path of the checker; the package ships the jar, so no download is involved. */
export const VNU_JAR = path.join(REPO_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? 'java';

/** One problem vnu found in a document. */
export interface HtmlError {
  message: string;
  line?: number;
  extract?: string;
}

/** Validation result of one document, in input order. */
export interface HtmlResult {
  name: string;
  errors: HtmlError[];
}

let javaOk = false;

/**
 * True when `java` (or $JAVA) is a runtime ≥ 11, which vnu needs. Only a positive answer is
 * cached, so a check after installing Java sees the new runtime.
 */
export function javaAvailable(): boolean {
  if (javaOk) return true;
  const r = spawnSync(JAVA, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) return false;
  // `openjdk version "17.0.9"`, or `"1.8.0_392"` for Java 8 and older.
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return false;
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  javaOk = major >= 11 && fs.existsSync(VNU_JAR);
  return javaOk;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstLine?: number;
  extract?: string;
}

/**
 * Validates every document in a single vnu run and returns, for each (same order), its errors
 * (warnings and infos are not reported). Throws when vnu itself could not run.
 */
export async function validateHtml(docs: { name: string; html: string }[]): Promise<HtmlResult[]> {
  if (docs.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-vnu-'));
  try {
    // Files are numbered rather than named after `name`, which may hold slashes or be repeated.
    const files = docs.map((doc, i) => {
      const file = path.join(dir, `${String(i).padStart(4, '0')}.html`);
      fs.writeFileSync(file, doc.html);
      return file;
    });
    const stderr = await new Promise<string>((resolve, reject) => {
      // vnu's schema needs a deep stack (it dies below 512k, and C1-compiled frames are bigger).
      // C1 only and the serial GC cut JVM start-up and CPU, which dominate a short run.
      const args = ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files];
      // vnu exits 1 when it found errors; that is a result, not a failure, so look at the output.
      execFile(JAVA, args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, _stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error(`${JAVA} not found`));
        else if (err?.killed) reject(new Error('vnu timed out'));
        else resolve(stderr);
      });
    });
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`vnu did not print JSON:\n${stderr.slice(0, 2000)}`);
    }
    const byFile = new Map(files.map((f) => [path.basename(f), [] as HtmlError[]]));
    for (const m of messages) {
      // "non-document-error" means vnu could not read a file: report it against that file too.
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      const errors = m.url ? byFile.get(path.basename(m.url)) : undefined;
      if (!errors) throw new Error(`vnu: ${m.message}`);
      const line = m.lastLine ?? m.firstLine;
      errors.push({ message: m.message, ...(line !== undefined && { line }), ...(m.extract !== undefined && { extract: m.extract }) });
    }
    return docs.map((doc, i) => ({ name: doc.name, errors: byFile.get(path.basename(files[i]!)) ?? [] }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Formats results with errors as readable text, for assertion messages. */
export function formatHtmlErrors(results: HtmlResult[]): string {
  return results
    .filter((r) => r.errors.length > 0)
    .map((r) => `${r.name}:\n${r.errors.map((e) => `  line ${e.line ?? '?'}: ${e.message}${e.extract ? `\n    ${e.extract.trim()}` : ''}`).join('\n')}`)
    .join('\n');
}
