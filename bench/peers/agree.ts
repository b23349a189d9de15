/**
 * Before any engine is timed, it must give the answers formloom gives: exactly the expected error
 * paths on the valid and invalid records (intake form and 200-field form), and the same visibility
 * as answers change. Throws with what differs, so a bench never reports the speed of a wrong answer.
 * `npx tsx bench/peers/agree.ts` checks every peer in bench/peers/index.ts.
 */
import { BIG_COPIES, BIG_INVALID_PATHS, bigInvalidRecord, bigValidRecord } from '../forms/bigIntake';
import { BENCH_INVALID_PATHS, benchInvalidRecord, benchValidRecord } from '../forms/records';
import type { Peer } from './types';

const same = (name: string, what: string, got: unknown, want: unknown): void => {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${name}: ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
};

export const checkPeer = (peer: Peer): void => {
  const small = peer.compile(0);
  same(peer.name, 'valid record errors', small.validate(benchValidRecord()), []);
  same(peer.name, 'invalid record errors', small.validate(benchInvalidRecord()), [...BENCH_INVALID_PATHS]);
  // A done row without its solution: the row-scoped requirement.
  const missing = benchValidRecord();
  (missing.services as Record<string, unknown>[])[1] = { date: '2026-11-20', channel: 'phone', progress: 'done' };
  same(peer.name, 'row-scoped required', small.validate(missing), ['services.1.solution']);
  // Hidden answers are not judged: 6 stars on a complaint, no scope for a non-decision-maker.
  same(peer.name, 'hidden fields', small.validate({ ...benchValidRecord(), feedbackType: 'complaint', satisfaction: 6, isDecisionMaker: false, decisionScope: undefined }), []);
  same(peer.name, 'decision scope required', small.validate({ ...benchValidRecord(), decisionScope: undefined }), ['decisionScope']);

  const big = peer.compile(BIG_COPIES);
  same(peer.name, 'big valid record errors', big.validate(bigValidRecord()), []);
  same(peer.name, 'big invalid record errors', big.validate(bigInvalidRecord()), [...BIG_INVALID_PATHS]);

  const session = peer.session(0, benchValidRecord());
  same(peer.name, 'rating visible for satisfaction', session.visible('satisfaction'), true);
  session.set('feedbackType', 'complaint');
  same(peer.name, 'rating hidden for complaint', session.visible('satisfaction'), false);
  same(peer.name, 'content shown for complaint', session.visible('feedbackContent'), true);
  session.set('isDecisionMaker', false);
  same(peer.name, 'scope hidden', session.visible('decisionScope'), false);
  same(peer.name, 'done row shows solution', session.visible('services.0.solution'), true);
  same(peer.name, 'pending row hides solution', session.visible('services.1.solution'), false);
  session.set('services.1.progress', 'done');
  same(peer.name, 'row change shows solution', session.visible('services.1.solution'), true);

  const bigSession = peer.session(BIG_COPIES, bigValidRecord());
  same(peer.name, 'big rating visible', bigSession.visible('satisfaction_5'), true);
  bigSession.set('feedbackType_5', 'complaint');
  same(peer.name, 'big rating hidden', bigSession.visible('satisfaction_5'), false);
  same(peer.name, 'other copies untouched', bigSession.visible('satisfaction_4'), true);
  bigSession.set('feedbackType_5', 'satisfaction');
  same(peer.name, 'big rating shown again', bigSession.visible('satisfaction_5'), true);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { peers } = await import('./index');
  for (const peer of await peers()) {
    checkPeer(peer);
    console.log(`${peer.name}: agrees`);
  }
}
