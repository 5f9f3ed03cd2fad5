// A local AT Protocol network for feedgen's end-to-end tests, made from the official
// @atproto packages through @atproto/dev-env, on 127.0.0.1 only.
//
//   node network.mjs --mode pds    PLC + PDS (TestNetworkNoAppView); no PostgreSQL
//   node network.mjs --mode full   PLC + PDS + Bluesky AppView (+ bsync, ozone: TestNetwork),
//                                  with its own PostgreSQL cluster in a temporary directory
//
// Options (ports default to 0: a free one is chosen):
//   --plc-port N --pds-port N --bsky-port N --ozone-port N --pg-port N
//   --work-dir DIR   where the PDS keeps its sqlite files and blobs (default: a temp dir,
//                    removed at exit; a given one is left for its owner to remove)
//   --pg-bin DIR     PostgreSQL server binaries (default: newest /usr/lib/postgresql/*/bin)
//   --state FILE     also write the READY object to FILE (atomically)
//   --watch-stdin    stop when stdin closes, so the parent's death stops the network
//
// When everything is up it prints one line on stdout:
//   FEEDGEN_E2E_READY {"mode":...,"plcUrl":...,"pdsUrl":...,"firehoseUrl":...,...}
// Everything else it says goes to stderr. SIGTERM, SIGINT or (with --watch-stdin) the
// end of stdin stop all services and PostgreSQL, remove the temporary directories, exit 0.
//
// A control server on 127.0.0.1 (controlUrl in the READY object) answers
//   POST /process-all   wait until the PDS's background queue is drained and, in full mode,
//                       the AppView has indexed everything the PDS emitted; answers
//                       {"lastSeq": N}, the PDS firehose's newest sequence number.
import './loopback.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// dev-env's port allocator keeps its lock directory under the tmpdir of the moment it is
// imported. Imported statically, before TMPDIR is pointed at our work dir below, so that
// networks running side by side (parallel tests) share one lock directory and never pick
// the same port.
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';

const t0 = Date.now();
const secs = () => Number(((Date.now() - t0) / 1000).toFixed(1));
const log = (...a) => console.error('[network]', ...a);

const { values: o } = parseArgs({
  options: {
    mode: { type: 'string', default: 'pds' },
    'plc-port': { type: 'string', default: '0' },
    'pds-port': { type: 'string', default: '0' },
    'bsky-port': { type: 'string', default: '0' },
    'ozone-port': { type: 'string', default: '0' },
    'pg-port': { type: 'string', default: '0' },
    'pg-bin': { type: 'string' },
    'work-dir': { type: 'string' },
    state: { type: 'string' },
    'watch-stdin': { type: 'boolean', default: false },
  },
});
if (o.mode !== 'pds' && o.mode !== 'full') throw new Error(`--mode must be pds or full, got ${JSON.stringify(o.mode)}`);
const port = (name) => {
  const n = Number(o[name]);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name}: not a port: ${o[name]}`);
  return n || undefined; // undefined: dev-env picks a free port
};
// dev-env spreads these objects over its own defaults, so a `port: undefined` key would
// erase the free port it picked and fall back to the fixed default (2583 for the PDS).
const ports = (name, extra = {}) => (port(name) ? { port: port(name), ...extra } : extra);

// ------------------------------------------------------------------ cleanup bookkeeping
const cleanups = []; // run in reverse order, synchronously, also on a hard exit
let pgProc = null;
process.on('exit', () => {
  // A hard exit must not leave PostgreSQL running: SIGQUIT is its immediate shutdown.
  if (pgProc && pgProc.exitCode === null) try { pgProc.kill('SIGQUIT'); } catch {}
  for (const fn of cleanups.reverse()) try { fn(); } catch {}
});

const realTmp = os.tmpdir();
let workDir = o['work-dir'];
if (!workDir) {
  workDir = mkdtempSync(join(realTmp, 'feedgen-e2e-net-'));
  const d = workDir;
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
}
// The PDS puts its sqlite files, blobstore and image cache under os.tmpdir().
process.env.TMPDIR = join(workDir, 'tmp');
mkdirSync(process.env.TMPDIR, { recursive: true });

// ------------------------------------------------------------------ PostgreSQL (full mode)
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// initdb refuses to run as root, so as root the cluster belongs to the `postgres` user
// that Debian's package creates (or `nobody` when there is none).
const pgUser = () => {
  if (process.getuid() !== 0) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const row = passwd.find((r) => r[0] === 'postgres') ?? passwd.find((r) => r[0] === 'nobody');
  if (!row) throw new Error('running as root and there is neither a postgres nor a nobody user for PostgreSQL');
  return { uid: Number(row[2]), gid: Number(row[3]) };
};

const findPgBin = () => {
  if (o['pg-bin']) return o['pg-bin'];
  const base = '/usr/lib/postgresql';
  let versions = [];
  try { versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)); } catch {}
  if (!versions.length) throw new Error(`no PostgreSQL under ${base}: run e2e/network/setup.sh`);
  return join(base, versions[0], 'bin');
};

async function startPostgres() {
  const bin = findPgBin();
  const user = pgUser();
  const pgPort = port('pg-port') ?? (await freePort());
  // Not under workDir: that may be a 0700 directory of root's that the postgres user
  // cannot enter. The system tmpdir is world-traversable.
  const root = mkdtempSync(join(realTmp, 'feedgen-e2e-pg-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  if (user.uid !== undefined) chownSync(root, user.uid, user.gid);
  const data = join(root, 'data');
  const env = { PATH: process.env.PATH, LC_ALL: 'C' };
  const init = spawnSync(join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions'],
    { ...user, env, cwd: root, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error}`);

  // The postmaster runs as our child, in our process group: whoever kills the group
  // (the Go harness, as a last resort) kills PostgreSQL too.
  pgProc = spawn(join(bin, 'postgres'), [
    '-D', data, '-p', String(pgPort),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=200', '-c', 'shared_buffers=64MB',
  ], { ...user, env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let pgLog = '';
  pgProc.stderr.setEncoding('utf8');
  pgProc.stderr.on('data', (s) => { pgLog = (pgLog + s).slice(-8000); });
  const exited = new Promise((resolve) => pgProc.once('exit', resolve));
  for (let i = 0; ; i++) {
    if (pgProc.exitCode !== null) throw new Error(`postgres exited (${pgProc.exitCode}):\n${pgLog}`);
    if (pgLog.includes('ready to accept connections')) break;
    if (i > 600) throw new Error(`postgres not ready after 60s:\n${pgLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (pgProc.exitCode !== null) return;
    pgProc.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
    const t = setTimeout(() => pgProc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  };
  return { url: `postgresql://postgres@127.0.0.1:${pgPort}/postgres`, port: pgPort, dir: root, stop };
}

// ------------------------------------------------------------------ the network
let network = null;
let pg = null;
let stopping = null;
const stop = (why) => {
  stopping ??= (async () => {
    log(`${why}: stopping`);
    const force = setTimeout(() => { log('stop took over 20s, exiting hard'); process.exit(1); }, 20_000);
    force.unref();
    try { await network?.close(); } catch (e) { log('close:', e?.message ?? e); }
    try { await pg?.stop(); } catch (e) { log('postgres stop:', e?.message ?? e); }
    process.exit(0);
  })();
  return stopping;
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
if (o['watch-stdin']) {
  process.stdin.on('data', () => {});
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin error'));
}

try {
  log(`node ${process.version}, mode ${o.mode}, work dir ${workDir}`);
  if (o.mode === 'full') {
    pg = await startPostgres();
    log(`postgres ${pg.url} ready after ${secs()}s`);
    // dev-env asserts REDIS_HOST is set, but with this configuration nothing connects to it.
    process.env.REDIS_HOST ??= '127.0.0.1:6379';
    network = await TestNetwork.create({
      dbPostgresUrl: pg.url,
      dbPostgresSchema: 'feedgen', // letters and _ only; unset, dev-env names schemas appview_undefined
      plc: ports('plc-port'),
      pds: ports('pds-port', { enableDidDocWithSession: true }),
      bsky: ports('bsky-port'),
      ozone: ports('ozone-port'),
    });
  } else {
    network = await TestNetworkNoAppView.create({
      plc: ports('plc-port'),
      pds: ports('pds-port', { enableDidDocWithSession: true }),
    });
  }
} catch (e) {
  log('start failed:', e?.stack ?? e);
  try { await network?.close(); } catch {}
  try { await pg?.stop(); } catch {}
  process.exit(1);
}
if (stopping) await stopping; // a signal arrived while starting

const lastSeq = async () => (await network.pds.ctx.sequencer.curr()) ?? 0;
const control = http.createServer(async (req, res) => {
  const reply = (code, body) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (req.method === 'POST' && req.url === '/process-all') {
      await network.processAll();
      return reply(200, { lastSeq: await lastSeq() });
    }
    reply(404, { error: 'NotFound', message: `${req.method} ${req.url}` });
  } catch (e) {
    reply(500, { error: 'InternalServerError', message: String(e?.message ?? e) });
  }
});
await new Promise((r) => control.listen(0, '127.0.0.1', r));
cleanups.push(() => control.close());

const local = (p) => `http://127.0.0.1:${p}`;
const state = {
  mode: o.mode,
  plcUrl: local(network.plc.port),
  pdsUrl: local(network.pds.port),
  pdsDid: network.pds.ctx.cfg.service.did,
  firehoseUrl: `ws://127.0.0.1:${network.pds.port}/xrpc/com.atproto.sync.subscribeRepos`,
  appviewUrl: network.bsky ? local(network.bsky.port) : '',
  appviewDid: network.bsky ? network.bsky.serverDid : '',
  ozoneUrl: network.ozone ? local(network.ozone.port) : '',
  // Ozone's labeler DID: its DID document names the labeler endpoint and signing key.
  ozoneDid: network.ozone ? network.ozone.ctx.cfg.service.did : '',
  postgresUrl: pg ? pg.url : '',
  pgDir: pg ? pg.dir : '',
  controlUrl: local(control.address().port),
  workDir,
  pid: process.pid,
  readySeconds: secs(),
};
if (o.state) {
  writeFileSync(o.state + '.tmp', JSON.stringify(state, null, 2) + '\n');
  renameSync(o.state + '.tmp', o.state);
}
log(`ready after ${state.readySeconds}s: PDS ${state.pdsUrl} (${state.pdsDid})` +
  (state.appviewUrl ? `, AppView ${state.appviewUrl} (${state.appviewDid})` : ''));
process.stdout.write(`FEEDGEN_E2E_READY ${JSON.stringify(state)}\n`);
