// Run as `node --expose-gc --import tsx bench/sessionMemory.ts`: prints JSON with the heap one live
// session holds, and whether a dropped session with a live subscriber is collected.
import { readFileSync } from 'node:fs';
import { compileForm, type Session } from '../src/index';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
};

const definition = JSON.parse(readFileSync(new URL('../examples/customer-intake.json', import.meta.url), 'utf8')) as unknown;
const form = compileForm(definition);
const fill = (session: Session): void => {
  session.send({ type: 'change', path: 'customerType', value: 'enterprise' });
  session.send({ type: 'change', path: 'name', value: '张伟' });
  session.send({ type: 'change', path: 'phone', value: '1381234567' });
  session.send({ type: 'change', path: 'feedbackType', value: 'satisfaction' });
  session.send({ type: 'blur', path: 'companyName' });
};
fill(form.createSession({ role: 'customer' })); // warm: compiled code and caches are not per session

await settle();
const before = process.memoryUsage().heapUsed;
const sessions: Session[] = [];
for (let i = 0; i < 1000; i++) {
  const session = form.createSession({ role: 'customer' });
  fill(session);
  sessions.push(session);
}
await settle();
const after = process.memoryUsage().heapUsed;

let ref: WeakRef<Session> | undefined;
(() => {
  const dropped = form.createSession({ role: 'customer' });
  dropped.subscribe(() => undefined);
  fill(dropped);
  ref = new WeakRef(dropped);
})();
await settle();
console.log(JSON.stringify({ bytesPerSession: (after - before) / sessions.length, collected: ref?.deref() === undefined, sessions: sessions.length }));
