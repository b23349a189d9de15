// `node --expose-gc --import tsx bench/peers/heap.ts <peer name>`: prints the heap one compiled intake
// form holds, and one live session with the valid record (its own form included, as for every
// engine whose form is its session), as JSON. 200 of each, after gc.
import { benchValidRecord } from '../forms/records';
import { peers } from './index';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const settle = async (): Promise<number> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return process.memoryUsage().heapUsed;
};
const peer = (await peers()).find((candidate) => candidate.name === process.argv[2]);
if (peer === undefined) throw new Error(`no peer named ${process.argv[2]}`);
const count = 200;
peer.compile(0).validate(benchValidRecord());
peer.session(0, benchValidRecord()).visible('satisfaction');
let before = await settle();
const forms = Array.from({ length: count }, () => peer.compile(0));
const perForm = ((await settle()) - before) / count;
before = await settle();
const sessions = Array.from({ length: count }, () => peer.session(0, benchValidRecord()));
const perSession = ((await settle()) - before) / count;
console.log(JSON.stringify({ perForm, perSession, kept: forms.length + sessions.length }));
