// Acts as Bluesky users against the local network, with the official @atproto/api client,
// the way an app does: everything goes through the PDS, which proxies app.bsky.* reads to
// the AppView with a service-auth JWT it mints for the user.
//
//   node client.mjs COMMAND [options]          one command; JSON result on stdout
//   node client.mjs serve                      many commands, one per stdin line (see below)
//
// Where to find the network (one of):
//   --pds URL [--appview URL]   or   --state FILE (written by network.mjs --state)
// Who to act as (commands that write, and reads through the PDS):
//   --handle H --password P
//
// Commands:
//   create-account --handle H --password P [--email E]                 {did, handle}
//   post --text T [--lang L]... [--tag T]... [--reply-to URI] [--quote URI]
//        [--link URL [--link-title T] [--link-description D]] [--facets] [--created-at ISO]
//                                                                      {uri, cid}
//        --reply-to fills reply.root from the parent's own reply, as apps do.
//        --facets detects links, mentions and #tags in the text (RichText.detectFacets).
//   delete --uri URI                 deletes any record of the user    {uri}
//   like --uri URI | repost --uri URI | follow --subject DID           {uri, cid}
//   create-list --name N [--purpose curate|mod|reference] [--description D]   {uri, cid}
//   update-list --uri URI [--name N] [--description D]                 {uri, cid}
//   add-list-item --list URI --subject DID                             {uri, cid}
//        (remove a list item with delete --uri ITEM_URI)
//   put-record --collection NSID --rkey KEY --record JSON                {uri, cid}
//        creates or replaces any record of the user ($type defaults to the collection)
//   get-feed --feed URI [--limit N] [--cursor C]     app.bsky.feed.getFeed output
//   get-posts --uri URI...                           app.bsky.feed.getPosts output
//   get-profile --actor DID|HANDLE                   app.bsky.actor.getProfile output
//   get-list --list URI [--limit N]                  app.bsky.graph.getList output
//        These four run as --handle through the PDS; without --handle they go anonymously
//        straight to --appview.
//   get-record --uri URI                             com.atproto.repo.getRecord output (PDS)
//   label --labeler DID (--uri URI [--cid CID] | --subject DID) [--add VAL]... [--negate VAL]...
//        a moderator's label through Ozone: tools.ozone.moderation.emitEvent with a
//        modEventLabel, sent as --handle through the PDS, which proxies it to the labeler's
//        #atproto_labeler with a service-auth token, as the Ozone web app does. In the full
//        network, mod-authority.test (password hunter2) is an Ozone admin.    {id}
//   create-labeler-did --plc URL --endpoint URL --label-key DID_KEY
//        registers a new did:plc whose document names a labeler (#atproto_labeler at
//        --endpoint, #atproto_label key --label-key), signed by a throwaway rotation key
//        (with @did-plc/lib and @atproto/crypto, which dev-env depends on)      {did}
//
// Errors: a JSON object {"error", "message", "status"} on stderr and exit status 1.
//
// serve: each stdin line is {"id": ANY, "args": ["post", "--text", ...]}; each answer is
// one stdout line {"id": ANY, "ok": true, "result": ...} or {"id", "ok": false, "error": {...}}.
// Logins are kept per PDS and handle. It saves starting node (~0.7 s) for every call.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AtpAgent, RichText } from '@atproto/api';
import { Secp256k1Keypair } from '@atproto/crypto';
import * as plc from '@did-plc/lib';

const OPTIONS = {
  pds: { type: 'string' },
  appview: { type: 'string' },
  state: { type: 'string' },
  handle: { type: 'string' },
  password: { type: 'string' },
  email: { type: 'string' },
  text: { type: 'string' },
  lang: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'reply-to': { type: 'string' },
  quote: { type: 'string' },
  link: { type: 'string' },
  'link-title': { type: 'string' },
  'link-description': { type: 'string' },
  facets: { type: 'boolean' },
  'created-at': { type: 'string' },
  uri: { type: 'string', multiple: true },
  subject: { type: 'string' },
  name: { type: 'string' },
  purpose: { type: 'string' },
  description: { type: 'string' },
  list: { type: 'string' },
  feed: { type: 'string' },
  actor: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  collection: { type: 'string' },
  rkey: { type: 'string' },
  record: { type: 'string' },
  labeler: { type: 'string' },
  cid: { type: 'string' },
  add: { type: 'string', multiple: true },
  negate: { type: 'string', multiple: true },
  plc: { type: 'string' },
  endpoint: { type: 'string' },
  'label-key': { type: 'string' },
};

class UsageError extends Error {
  constructor(message) { super(message); this.name = 'UsageError'; }
}

const need = (o, name) => {
  const v = o[name];
  if (v === undefined || (Array.isArray(v) && v.length === 0)) throw new UsageError(`--${name} is required`);
  return Array.isArray(v) ? v[0] : v;
};

// at://did/collection/rkey -> parts; only the forms our records have.
const parseUri = (uri) => {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!m) throw new UsageError(`not a record at-uri: ${uri}`);
  return { repo: m[1], collection: m[2], rkey: m[3] };
};

const sessions = new Map(); // `${pds} ${handle}` -> logged-in agent (serve mode keeps them)

async function userAgent(o) {
  const pds = need(o, 'pds');
  const handle = need(o, 'handle');
  const key = `${pds} ${handle}`;
  let agent = sessions.get(key);
  if (!agent) {
    agent = new AtpAgent({ service: pds });
    await agent.login({ identifier: handle, password: need(o, 'password') });
    sessions.set(key, agent);
  }
  return agent;
}

// Reads go through the PDS as the user when there is one, else anonymously to the AppView.
async function reader(o) {
  if (o.handle) return userAgent(o);
  return new AtpAgent({ service: need(o, 'appview') });
}

async function strongRef(agent, uri) {
  const { repo, collection, rkey } = parseUri(uri);
  const { data } = await agent.com.atproto.repo.getRecord({ repo, collection, rkey });
  return { uri: data.uri, cid: data.cid, value: data.value };
}

async function createRecord(agent, collection, record) {
  const { data } = await agent.com.atproto.repo.createRecord({
    repo: agent.session.did, collection, record: { $type: collection, ...record },
  });
  return { uri: data.uri, cid: data.cid };
}

const PURPOSES = {
  curate: 'app.bsky.graph.defs#curatelist',
  mod: 'app.bsky.graph.defs#modlist',
  reference: 'app.bsky.graph.defs#referencelist',
};

const commands = {
  async label(o) {
    const agent = await userAgent(o);
    const ozone = agent.withProxy('atproto_labeler', need(o, 'labeler'));
    let subject;
    if (o.subject) {
      subject = { $type: 'com.atproto.admin.defs#repoRef', did: o.subject };
    } else {
      const uri = need(o, 'uri');
      subject = { $type: 'com.atproto.repo.strongRef', uri, cid: o.cid ?? (await strongRef(agent, uri)).cid };
    }
    const { data } = await ozone.tools.ozone.moderation.emitEvent({
      event: {
        $type: 'tools.ozone.moderation.defs#modEventLabel',
        createLabelVals: o.add ?? [],
        negateLabelVals: o.negate ?? [],
      },
      subject,
      createdBy: agent.session.did,
    });
    return { id: data.id };
  },

  async 'create-labeler-did'(o) {
    const rotation = await Secp256k1Keypair.create();
    const op = await plc.signOperation({
      type: 'plc_operation',
      alsoKnownAs: [],
      rotationKeys: [rotation.did()],
      verificationMethods: { atproto_label: need(o, 'label-key') },
      services: { atproto_labeler: { type: 'AtprotoLabeler', endpoint: need(o, 'endpoint') } },
      prev: null,
    }, rotation);
    const did = await plc.didForCreateOp(op);
    await new plc.Client(need(o, 'plc')).sendOperation(did, op);
    return { did };
  },

  async 'create-account'(o) {
    const agent = new AtpAgent({ service: need(o, 'pds') });
    const handle = need(o, 'handle');
    await agent.createAccount({
      handle, password: need(o, 'password'), email: o.email ?? `${handle.split('.')[0]}@test.invalid`,
    });
    sessions.set(`${o.pds} ${handle}`, agent);
    return { did: agent.session.did, handle: agent.session.handle };
  },

  async post(o) {
    const agent = await userAgent(o);
    const record = { text: need(o, 'text'), createdAt: o['created-at'] ?? new Date().toISOString() };
    if (o.lang?.length) record.langs = o.lang;
    if (o.tag?.length) record.tags = o.tag;
    if (o.facets) {
      const rt = new RichText({ text: record.text });
      await rt.detectFacets(agent);
      if (rt.facets?.length) record.facets = rt.facets;
    }
    if (o['reply-to']) {
      const parent = await strongRef(agent, o['reply-to']);
      const root = parent.value.reply?.root ?? { uri: parent.uri, cid: parent.cid };
      record.reply = { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } };
    }
    let external;
    if (o.link) {
      external = {
        $type: 'app.bsky.embed.external',
        external: { uri: o.link, title: o['link-title'] ?? '', description: o['link-description'] ?? '' },
      };
    }
    if (o.quote) {
      const q = await strongRef(agent, o.quote);
      const rec = { $type: 'app.bsky.embed.record', record: { uri: q.uri, cid: q.cid } };
      record.embed = external
        ? { $type: 'app.bsky.embed.recordWithMedia', record: rec, media: external }
        : rec;
    } else if (external) {
      record.embed = external;
    }
    return createRecord(agent, 'app.bsky.feed.post', record);
  },

  async delete(o) {
    const agent = await userAgent(o);
    const uri = need(o, 'uri');
    const { repo, collection, rkey } = parseUri(uri);
    if (repo !== agent.session.did) throw new UsageError(`${uri} is not a record of ${o.handle}`);
    await agent.com.atproto.repo.deleteRecord({ repo, collection, rkey });
    return { uri };
  },

  async like(o) {
    const agent = await userAgent(o);
    const s = await strongRef(agent, need(o, 'uri'));
    return createRecord(agent, 'app.bsky.feed.like', { subject: { uri: s.uri, cid: s.cid }, createdAt: new Date().toISOString() });
  },

  async repost(o) {
    const agent = await userAgent(o);
    const s = await strongRef(agent, need(o, 'uri'));
    return createRecord(agent, 'app.bsky.feed.repost', { subject: { uri: s.uri, cid: s.cid }, createdAt: new Date().toISOString() });
  },

  async follow(o) {
    const agent = await userAgent(o);
    return createRecord(agent, 'app.bsky.graph.follow', { subject: need(o, 'subject'), createdAt: new Date().toISOString() });
  },

  async 'create-list'(o) {
    const agent = await userAgent(o);
    const purpose = PURPOSES[o.purpose ?? 'curate'];
    if (!purpose) throw new UsageError(`--purpose must be one of ${Object.keys(PURPOSES).join(', ')}`);
    const record = { purpose, name: need(o, 'name'), createdAt: new Date().toISOString() };
    if (o.description !== undefined) record.description = o.description;
    return createRecord(agent, 'app.bsky.graph.list', record);
  },

  async 'update-list'(o) {
    const agent = await userAgent(o);
    const uri = need(o, 'uri');
    const { repo, collection, rkey } = parseUri(uri);
    if (collection !== 'app.bsky.graph.list') throw new UsageError(`${uri} is not a list`);
    const cur = await strongRef(agent, uri);
    const record = { ...cur.value };
    if (o.name !== undefined) record.name = o.name;
    if (o.description !== undefined) record.description = o.description;
    const { data } = await agent.com.atproto.repo.putRecord({ repo, collection, rkey, record, swapRecord: cur.cid });
    return { uri: data.uri, cid: data.cid };
  },

  async 'add-list-item'(o) {
    const agent = await userAgent(o);
    return createRecord(agent, 'app.bsky.graph.listitem', {
      list: need(o, 'list'), subject: need(o, 'subject'), createdAt: new Date().toISOString(),
    });
  },

  async 'put-record'(o) {
    const agent = await userAgent(o);
    const collection = need(o, 'collection');
    let record;
    try { record = JSON.parse(need(o, 'record')); } catch (e) { throw new UsageError(`--record: ${e.message}`); }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new UsageError('--record must be a JSON object');
    const { data } = await agent.com.atproto.repo.putRecord({
      repo: agent.session.did, collection, rkey: need(o, 'rkey'), record: { $type: collection, ...record },
    });
    return { uri: data.uri, cid: data.cid };
  },

  async 'get-feed'(o) {
    const agent = await reader(o);
    const params = { feed: need(o, 'feed') };
    if (o.limit) params.limit = Number(o.limit);
    if (o.cursor) params.cursor = o.cursor;
    return (await agent.app.bsky.feed.getFeed(params)).data;
  },

  async 'get-posts'(o) {
    const agent = await reader(o);
    need(o, 'uri');
    return (await agent.app.bsky.feed.getPosts({ uris: o.uri })).data;
  },

  async 'get-profile'(o) {
    const agent = await reader(o);
    return (await agent.app.bsky.actor.getProfile({ actor: need(o, 'actor') })).data;
  },

  async 'get-list'(o) {
    const agent = await reader(o);
    const params = { list: need(o, 'list') };
    if (o.limit) params.limit = Number(o.limit);
    return (await agent.app.bsky.graph.getList(params)).data;
  },

  async 'get-record'(o) {
    const agent = new AtpAgent({ service: need(o, 'pds') });
    const { repo, collection, rkey } = parseUri(need(o, 'uri'));
    return (await agent.com.atproto.repo.getRecord({ repo, collection, rkey })).data;
  },
};

async function run(argv) {
  const [cmd, ...rest] = argv;
  const fn = Object.hasOwn(commands, cmd ?? '') ? commands[cmd] : null;
  if (!fn) throw new UsageError(`unknown command ${JSON.stringify(cmd)}; one of: ${Object.keys(commands).join(', ')}, serve`);
  const { values: o, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
  if (o.state) {
    const st = JSON.parse(readFileSync(o.state, 'utf8'));
    o.pds ??= st.pdsUrl;
    if (st.appviewUrl) o.appview ??= st.appviewUrl;
  }
  return fn(o);
}

const errorJson = (e) => ({
  error: e?.error ?? e?.name ?? 'Error', // XRPCError carries the lexicon error name in .error
  message: String(e?.message ?? e),
  status: typeof e?.status === 'number' ? e.status : 0,
});

async function serve() {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let id = null;
    try {
      const req = JSON.parse(line);
      id = req.id ?? null;
      if (!Array.isArray(req.args)) throw new UsageError('request needs "args": [...]');
      const result = await run(req.args.map(String));
      process.stdout.write(JSON.stringify({ id, ok: true, result }) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ id, ok: false, error: errorJson(e) }) + '\n');
    }
  }
}

const argv = process.argv.slice(2);
try {
  if (argv[0] === 'serve') {
    await serve();
  } else {
    process.stdout.write(JSON.stringify(await run(argv)) + '\n');
  }
} catch (e) {
  process.stderr.write(JSON.stringify(errorJson(e)) + '\n');
  process.exitCode = 1;
}
