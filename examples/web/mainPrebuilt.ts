// The page's entry under a strict Content-Security-Policy (no 'unsafe-eval'): the form comes
// precompiled from a module written by `formloom build examples/customer-intake.json -o <file>`, which
// carries the validator as functions, so nothing compiles code from strings in the browser. The
// server resolves the specifier below to that file when it bundles this entry.
import form from 'formloom-prebuilt-form';
import { startPage } from './page';

void startPage({ forms: [form] });
