/**
 * @module test/helpers/nginx
 * Debian's nginx in front of test instances, configured with the file operators are told to use
 * (docs/deploy/nginx.conf). Only its lines marked EDIT are replaced (ports, paths, a self-signed
 * certificate made with openssl), each replacement must match exactly once, so the test cannot
 * drift from the shipped file. nginx runs in the foreground as our child (`daemon off`), in a
 * temp dir of its own, and is stopped by PID.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.js';

export const NGINX_CONF = fileURLToPath(new URL('../../docs/deploy/nginx.conf', import.meta.url));
const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary, or undefined (with openssl, needed for the certificate). */
export function findNginx(): string | undefined {
  if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).status !== 0) return undefined;
  for (const c of CANDIDATES) if (fs.existsSync(c)) return c;
  const r = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export interface Nginx {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The plain-HTTP port (redirects to HTTPS). */
  httpPort: number;
  /** The self-signed certificate (PEM) a client must trust. */
  ca: Buffer;
  /** The access log (one line per request, with the upstream that answered). */
  accessLog: string;
  /** The site's error log (why an upstream was given up). */
  errorLog: string;
  /** The site file as it was written, after the replacements. */
  siteConf: string;
  stop(): Promise<void>;
}

/** Replaces `from` by `to` in `text`; throws unless `from` occurs exactly once. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from.source, `${from.flags.replace('g', '')}g`))].length;
  if (count !== 1) throw new Error(`docs/deploy/nginx.conf: expected exactly one ${String(from)}, found ${count} (the cluster test edits only the EDIT lines)`);
  return text.replace(from, to);
}

/** The shipped site file with this run's ports, paths and certificate (only EDIT lines change). */
export function siteConfFor(o: { upstreams: number[]; port: number; httpPort: number; dir: string }): string {
  let conf = fs.readFileSync(NGINX_CONF, 'utf8');
  const shipped = [...conf.matchAll(/^\s*server 127\.0\.0\.1:\d+ .*# EDIT.*$/gm)];
  if (shipped.length === 0) throw new Error('docs/deploy/nginx.conf: no upstream server lines marked EDIT');
  // The first upstream line stands for all of them: one line per instance, as the file says.
  const [first] = shipped;
  const lines = o.upstreams.map((p) => first![0].replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${p}`)).join('\n');
  conf = conf.replace(/(^\s*server 127\.0\.0\.1:\d+ .*# EDIT.*\n)+/m, `${lines}\n`);
  const at = (name: string): string => path.join(o.dir, name);
  conf = replaceOnce(conf, /proxy_cache_path \/var\/cache\/nginx\/broadsheet /, `proxy_cache_path ${at('cache')} `);
  conf = replaceOnce(conf, /listen 80;/, `listen 127.0.0.1:${o.httpPort};`);
  conf = replaceOnce(conf, /^\s*listen \[::\]:80;.*\n/m, '');
  conf = replaceOnce(conf, /listen 443 ssl http2;/, `listen 127.0.0.1:${o.port} ssl http2;`);
  conf = replaceOnce(conf, /^\s*listen \[::\]:443 ssl http2;.*\n/m, '');
  conf = replaceOnce(conf, 'root /var/www/letsencrypt;', `root ${at('acme')};`);
  conf = replaceOnce(conf, /ssl_certificate +\/etc\/letsencrypt\/\S+;/, `ssl_certificate ${at('cert.pem')};`);
  conf = replaceOnce(conf, /ssl_certificate_key +\/etc\/letsencrypt\/\S+;/, `ssl_certificate_key ${at('key.pem')};`);
  conf = replaceOnce(conf, /access_log \/var\/log\/nginx\/broadsheet\.access\.log/, `access_log ${at('access.log')}`);
  conf = replaceOnce(conf, /error_log \/var\/log\/nginx\/broadsheet\.error\.log/, `error_log ${at('error.log')}`);
  return conf;
}

/** Starts nginx in front of the given instance ports; resolves once it answers. */
export async function startNginx(bin: string, upstreams: number[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-nginx-'));
  for (const d of ['cache', 'acme', 'tmp']) fs.mkdirSync(path.join(dir, d));
  const cert = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  if (cert.status !== 0) throw new Error(`openssl could not make a certificate: ${cert.stderr}`);
  const port = await freePort();
  const httpPort = await freePort();
  const siteConf = siteConfFor({ upstreams, port, httpPort, dir });
  fs.writeFileSync(path.join(dir, 'broadsheet.conf'), siteConf);
  // What Debian's /etc/nginx/nginx.conf gives the site file, in a temp dir of our own.
  const tmp = path.join(dir, 'tmp');
  const root = process.getuid?.() === 0;
  const main = [
    ...(root ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  sendfile on;',
    `  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;`,
    `  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;`,
    `  include ${path.join(dir, 'broadsheet.conf')};`,
    '}',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  const check = spawnSync(bin, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const kill = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  // Up when it accepts TLS connections.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const ca = fs.readFileSync(path.join(dir, 'cert.pem'));
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    httpPort,
    ca,
    accessLog: path.join(dir, 'access.log'),
    errorLog: path.join(dir, 'error.log'),
    siteConf,
    stop,
  };
}
