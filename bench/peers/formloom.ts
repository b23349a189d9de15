/** formloom itself, through the built package, behind the same interface as its peers. */
import { bigIntakeDefinition, intakeDefinition } from '../forms/bigIntake';
import type { Peer } from './types';

const distPath: string = '../../dist/index.js';
const { compileForm } = (await import(distPath)) as typeof import('../../src/index');
const NOW = '2026-11-23T10:00:00+08:00';

const definitionFor = (copies: number): unknown => (copies === 0 ? intakeDefinition() : bigIntakeDefinition(copies));

export const formloomPeer: Peer = {
  name: 'formloom',
  notes: 'validate: checks every visible field (types, formats, options, limits, row fields), drops hidden and unknown answers, builds localised messages and cleaned values. change: one event through the session state machine (immutable snapshot, only dependents re-evaluated), then a read of the field state.',
  compile: (copies) => {
    const form = compileForm(definitionFor(copies));
    return { validate: (values) => form.validate(values, { now: NOW }).errors.map((error) => error.path).sort() };
  },
  session: (copies, values) => {
    const session = compileForm(definitionFor(copies)).createSession({ values, now: NOW });
    return {
      set: (path, value) => { session.send({ type: 'change', path, value }); },
      visible: (path) => session.getSnapshot().fields[path]?.visible === true,
    };
  },
};
